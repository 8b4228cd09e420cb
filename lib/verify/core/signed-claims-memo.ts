import { createHash } from "node:crypto";
import type { SignedClaims } from "./types";

/**
 * Signed keys whose signature held, by SHA-256 of the token: a client using its key again skips
 * the payload's decoding and the HMACs. Only verified tokens get in, so the bound (oldest first)
 * is shared by real keys alone. A tenant's change (a retired secret) forgets its tokens at once;
 * revocation and expiry are checked on the key itself, every time.
 */
export class SignedClaimsMemo {
  readonly #entries = new Map<string, SignedClaims>();

  constructor(private readonly maxEntries = 20_000) {}

  get size(): number {
    return this.#entries.size;
  }

  get(token: string): SignedClaims | undefined {
    return this.#entries.get(digest(token));
  }

  set(token: string, claims: SignedClaims): void {
    const id = digest(token);
    this.#entries.delete(id);
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(id, claims);
  }

  forgetTenant(tenantId: string): void {
    for (const [id, claims] of this.#entries) if (claims.tenantId === tenantId) this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }
}

function digest(token: string): string {
  return createHash("sha256").update(token).digest("base64");
}
