import type { KeyLookup, VerifiableKey } from "./types";

export type KeySource = {
  bySecretHash(secretHash: string): Promise<VerifiableKey | null>;
  byId(keyId: string): Promise<VerifiableKey | null>;
  signingSecrets(tenantId: string): Promise<readonly string[]>;
};

export type KeyCacheOptions = {
  /** How long an entry serves without asking the database again; changes arrive by invalidation. */
  ttlMs?: number;
  /** Unknown keys are remembered briefly, so a flood of garbage does not become a flood of queries. */
  negativeTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
};

type Entry<T> = { value: T; expiresAt: number; tenantId: string | null };

/**
 * The verification hot path's only source of keys (SPEC §7): a hit answers synchronously with no
 * database round trip; concurrent misses for one key share one query. Entries expire after a minute
 * and are dropped at once when another instance announces a change (see key-change-listener.ts).
 */
export class KeyCache implements KeyLookup {
  readonly #entries = new Map<string, Entry<VerifiableKey | readonly string[]>>();
  /** Unknown hashes and ids, kept apart so a change can forget them all in O(their number). */
  readonly #unknown = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #hashByKeyId = new Map<string, string>();
  /**
   * Bumped by every invalidation. A load that started before one may carry the old row, so its
   * result is returned to its callers but not cached.
   */
  #generation = 0;
  readonly #ttlMs: number;
  readonly #negativeTtlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(
    private readonly source: KeySource,
    options: KeyCacheOptions = {},
  ) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#negativeTtlMs = options.negativeTtlMs ?? 10_000;
    this.#maxEntries = options.maxEntries ?? 200_000;
    this.#now = options.now ?? Date.now;
  }

  bySecretHash(secretHash: string) {
    return this.#get(`h:${secretHash}`, async () => {
      const key = await this.source.bySecretHash(secretHash);
      if (key) this.#hashByKeyId.set(key.id, secretHash);
      return key;
    });
  }

  byId(keyId: string) {
    return this.#get(`k:${keyId}`, () => this.source.byId(keyId));
  }

  signingSecrets(tenantId: string) {
    return this.#get(`s:${tenantId}`, () => this.source.signingSecrets(tenantId), tenantId);
  }

  #get<T extends VerifiableKey | null | readonly string[]>(
    cacheKey: string,
    load: () => Promise<T>,
    tenantId?: string,
  ): T | Promise<T> {
    const now = this.#now();
    const entry = this.#entries.get(cacheKey);
    if (entry && entry.expiresAt > now) return entry.value as T;
    const unknownUntil = this.#unknown.get(cacheKey);
    if (unknownUntil !== undefined && unknownUntil > now) return null as T;
    const pending = this.#inFlight.get(cacheKey);
    if (pending) return pending as Promise<T>;
    const generation = this.#generation;
    const loading = load()
      .then((value) => {
        if (generation === this.#generation)
          this.#store(cacheKey, value, tenantId ?? (value && "tenantId" in value ? value.tenantId : null));
        return value;
      })
      .finally(() => {
        if (this.#inFlight.get(cacheKey) === loading) this.#inFlight.delete(cacheKey);
      });
    this.#inFlight.set(cacheKey, loading);
    return loading;
  }

  #store(cacheKey: string, value: VerifiableKey | null | readonly string[], tenantId: string | null) {
    if (value === null) {
      if (this.#unknown.size >= this.#maxEntries) this.#unknown.clear();
      this.#unknown.set(cacheKey, this.#now() + this.#negativeTtlMs);
      return;
    }
    // Insertion order makes the first entry the oldest: a cheap bound, refreshed on reload.
    if (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(cacheKey, { value, expiresAt: this.#now() + this.#ttlMs, tenantId });
  }

  /** A key changed (created, edited, rotated, revoked). Unknown-key entries go too: it may be new. */
  invalidateKey(keyId: string): void {
    this.#generation++;
    this.#inFlight.clear();
    this.#entries.delete(`k:${keyId}`);
    const hash = this.#hashByKeyId.get(keyId);
    if (hash) this.#entries.delete(`h:${hash}`);
    this.#hashByKeyId.delete(keyId);
    this.#unknown.clear();
  }

  /** Tenant settings or signing secrets changed: everything of that tenant is reloaded. */
  invalidateTenant(tenantId: string): void {
    this.#generation++;
    this.#inFlight.clear();
    for (const [cacheKey, entry] of this.#entries)
      if (entry.tenantId === tenantId) this.#entries.delete(cacheKey);
  }

  clear(): void {
    this.#generation++;
    this.#inFlight.clear();
    this.#entries.clear();
    this.#unknown.clear();
    this.#hashByKeyId.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
