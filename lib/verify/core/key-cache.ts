import type { MaybePromise } from "@/lib/async/maybe-promise";
import { secretCacheDigest } from "@/lib/keys/secret-key";
import { SignedClaimsMemo } from "./signed-claims-memo";
import type { Admission, KeyLookup, SignedClaims, VerifiableKey } from "./types";

export type { Admission } from "./types";

export type KeySource = {
  /** The key a secret opens: the source hashes it as the database stores it (peppered HMAC). */
  bySecret(secret: string): Promise<VerifiableKey | null>;
  byId(keyId: string): Promise<VerifiableKey | null>;
  signingSecrets(tenantId: string): Promise<readonly string[]>;
};

export type KeyCacheOptions = {
  /** How long an entry serves without asking the database again; changes arrive by invalidation. */
  ttlMs?: number;
  /** Unknown keys are remembered briefly, so a flood of garbage does not become a flood of queries. */
  negativeTtlMs?: number;
  /** Bound on real entries (keys, tenants' secrets). Only rows that exist can take a place here. */
  maxEntries?: number;
  /** Bound on remembered misses, kept apart: a flood of invented keys evicts only other misses. */
  maxMisses?: number;
  /** Bound on signed keys whose signature held (signed-claims-memo.ts). */
  maxSignedClaims?: number;
  now?: () => number;
};

type Value = VerifiableKey | readonly string[];
type Entry = { value: Value; expiresAt: number; tenantId: string | null };
const NO_SECRETS: readonly string[] = Object.freeze([]);
const UNKNOWN: unique symbol = Symbol("unknown");

/**
 * The verification hot path's only source of keys (SPEC §7): a hit answers synchronously with no
 * database round trip; concurrent misses for one key share one query. Entries expire after a minute
 * and are dropped at once when another instance announces a change (see runtime.ts).
 *
 * Anything a request can name without holding a key — an invented hash, key id or tenant — can
 * only ever become a *miss*, stored in its own bounded map: a tenant with no signing secrets is a
 * miss too, so signed keys naming invented tenants cannot fill (and evict) the real entries.
 */
export class KeyCache implements KeyLookup {
  readonly #entries = new Map<string, Entry>();
  /** Misses (cache key → until), oldest first. */
  readonly #misses = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<Value | null>>();
  /** Key id → secret digest, for the `h:` entries held (never more than those): how a NOTIFY finds them. */
  readonly #digestByKeyId = new Map<string, string>();
  readonly #signed: SignedClaimsMemo;
  /**
   * Bumped by every invalidation. A load that started before one may carry the old row, so its
   * result is returned to its callers but not cached.
   */
  #generation = 0;
  #loads = 0;
  #lookups = 0;
  readonly #ttlMs: number;
  readonly #negativeTtlMs: number;
  readonly #maxEntries: number;
  readonly #maxMisses: number;
  readonly #now: () => number;

  constructor(
    private readonly source: KeySource,
    options: KeyCacheOptions = {},
  ) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#negativeTtlMs = options.negativeTtlMs ?? 10_000;
    this.#maxEntries = options.maxEntries ?? 200_000;
    this.#maxMisses = options.maxMisses ?? 50_000;
    this.#signed = new SignedClaimsMemo(options.maxSignedClaims);
    this.#now = options.now ?? Date.now;
  }

  /**
   * A secret key is filed under a plain SHA-256 of the secret (one native call), not under the
   * peppered HMAC the database holds: a hit then costs no HMAC, and the HMAC is computed only for
   * the database on a miss (docs/decisions.md).
   */
  bySecret(secret: string, admit?: Admission): MaybePromise<VerifiableKey | null> {
    const cacheKey = `h:${secretCacheDigest(secret)}`;
    const known = this.#known(cacheKey);
    if (known !== UNKNOWN) return known as MaybePromise<VerifiableKey | null>;
    return this.#fetch(cacheKey, admit, () => this.source.bySecret(secret));
  }

  byId(keyId: string, admit?: Admission): MaybePromise<VerifiableKey | null> {
    const cacheKey = `k:${keyId}`;
    const known = this.#known(cacheKey);
    if (known !== UNKNOWN) return known as MaybePromise<VerifiableKey | null>;
    return this.#fetch(cacheKey, admit, () => this.source.byId(keyId));
  }

  signingSecrets(tenantId: string, admit?: Admission): MaybePromise<readonly string[]> {
    const cacheKey = `s:${tenantId}`;
    let secrets = this.#known(cacheKey) as MaybePromise<readonly string[] | null> | typeof UNKNOWN;
    if (secrets === UNKNOWN) {
      secrets = this.#fetch(cacheKey, admit, async () => {
        const found = await this.source.signingSecrets(tenantId);
        return found.length > 0 ? found : null;
      });
    }
    if (secrets === null) return NO_SECRETS;
    return secrets instanceof Promise ? secrets.then((found) => found ?? NO_SECRETS) : secrets;
  }

  verifiedSignedClaims(token: string): SignedClaims | undefined {
    return this.#signed.get(token);
  }

  rememberSignedClaims(token: string, claims: SignedClaims): void {
    this.#signed.set(token, claims);
  }

  /**
   * What the cache can answer without the database: the value of a live entry, null for a
   * remembered miss, the look-up already in flight, or UNKNOWN.
   */
  #known(cacheKey: string): Value | null | Promise<Value | null> | typeof UNKNOWN {
    this.#lookups++;
    const entry = this.#entries.get(cacheKey);
    if (entry === undefined && this.#misses.size === 0 && this.#inFlight.size === 0) return UNKNOWN;
    const now = this.#now();
    if (entry && entry.expiresAt > now) return entry.value;
    const missUntil = this.#misses.get(cacheKey);
    if (missUntil !== undefined && missUntil > now) return null;
    return this.#inFlight.get(cacheKey) ?? UNKNOWN;
  }

  #fetch<T extends Value>(
    cacheKey: string,
    admit: Admission | undefined,
    load: () => Promise<T | null>,
  ): Promise<T | null> {
    return admit ? admit().then(() => this.#load(cacheKey, load)) : this.#load(cacheKey, load);
  }

  #load<T extends Value>(cacheKey: string, load: () => Promise<T | null>): Promise<T | null> {
    const pending = this.#inFlight.get(cacheKey);
    if (pending) return pending as Promise<T | null>;
    const generation = this.#generation;
    this.#loads++;
    const loading = load()
      .then((value) => {
        if (generation === this.#generation) this.#store(cacheKey, value);
        return value;
      })
      .finally(() => {
        if (this.#inFlight.get(cacheKey) === loading) this.#inFlight.delete(cacheKey);
      });
    this.#inFlight.set(cacheKey, loading);
    return loading;
  }

  #store(cacheKey: string, value: Value | null) {
    // Insertion order makes the first entry the oldest: a cheap bound, refreshed on reload.
    if (value === null) {
      this.#misses.delete(cacheKey);
      if (this.#misses.size >= this.#maxMisses) this.#misses.delete(this.#misses.keys().next().value!);
      this.#misses.set(cacheKey, this.#now() + this.#negativeTtlMs);
      return;
    }
    this.#entries.delete(cacheKey);
    if (this.#entries.size >= this.#maxEntries) this.#delete(this.#entries.keys().next().value!);
    const tenantId = cacheKey.startsWith("s:") ? cacheKey.slice(2) : (value as VerifiableKey).tenantId;
    this.#entries.set(cacheKey, { value, expiresAt: this.#now() + this.#ttlMs, tenantId });
    if (cacheKey.startsWith("h:")) this.#digestByKeyId.set((value as VerifiableKey).id, cacheKey.slice(2));
  }

  /** Drops an entry, and the key id's pointer to it: the index never outgrows the entries. */
  #delete(cacheKey: string): void {
    const entry = this.#entries.get(cacheKey);
    this.#entries.delete(cacheKey);
    if (entry && cacheKey.startsWith("h:")) {
      const keyId = (entry.value as VerifiableKey).id;
      if (this.#digestByKeyId.get(keyId) === cacheKey.slice(2)) this.#digestByKeyId.delete(keyId);
    }
  }

  /** A key changed (created, edited, rotated, revoked): its entries go, and a miss for its id. */
  invalidateKey(keyId: string): void {
    this.#generation++;
    this.#inFlight.clear();
    this.#entries.delete(`k:${keyId}`);
    this.#misses.delete(`k:${keyId}`);
    const digest = this.#digestByKeyId.get(keyId);
    if (digest) this.#entries.delete(`h:${digest}`);
    this.#digestByKeyId.delete(keyId);
  }

  /** Tenant settings or signing secrets changed: everything of that tenant is reloaded. */
  invalidateTenant(tenantId: string): void {
    this.#generation++;
    this.#inFlight.clear();
    this.#misses.delete(`s:${tenantId}`);
    this.#signed.forgetTenant(tenantId);
    for (const [cacheKey, entry] of this.#entries) if (entry.tenantId === tenantId) this.#delete(cacheKey);
  }

  clear(): void {
    this.#generation++;
    this.#inFlight.clear();
    this.#entries.clear();
    this.#misses.clear();
    this.#digestByKeyId.clear();
    this.#signed.clear();
  }

  /** Real entries held (keys and tenants' secrets); misses are counted apart. */
  get size(): number {
    return this.#entries.size;
  }

  get misses(): number {
    return this.#misses.size;
  }

  /** Every map's size, for tests and metrics: each stays within its bound. */
  get sizes() {
    return {
      entries: this.#entries.size,
      misses: this.#misses.size,
      keyIdIndex: this.#digestByKeyId.size,
      signedClaims: this.#signed.size,
      inFlight: this.#inFlight.size,
    };
  }

  /** Look-ups asked of the cache so far (hits, remembered misses and loads alike). */
  get lookups(): number {
    return this.#lookups;
  }

  /** Database look-ups started so far: what the miss budget protects. */
  get loads(): number {
    return this.#loads;
  }
}
