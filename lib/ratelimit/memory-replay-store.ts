import { ExpiringMap } from "./expiring-map";
import { replayKey } from "./replay-key";
import type { ReplayLookup, ReplayRecord, ReplayStore } from "./types";

export interface MemoryReplayStoreOptions {
  /**
   * Records kept per tenant; default 100 000 (~10 MB). Past it the tenant's oldest records go:
   * one tenant's traffic can only ever evict its own records, never another tenant's.
   */
  maxEntriesPerTenant?: number;
  /**
   * Records kept in all, whatever the number of tenants; default 1 000 000. Past it the tenant
   * holding the most records gives up its oldest, so the largest share shrinks first.
   */
  maxEntries?: number;
  /** How often expired records are swept; default 60 s, 0 disables the timer (tests). */
  sweepIntervalMs?: number;
  /** Clock in ms epoch; injectable so tests can move time without sleeping. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES_PER_TENANT = 100_000;
const DEFAULT_MAX_ENTRIES = 1_000_000;

/**
 * Remembers (key id, jti) pairs until their token can no longer be accepted. Keyed by the pair,
 * never by a hash of the token: ECDSA signatures are malleable, so one token has many encodings.
 * Each tenant has its own bounded map, so a tenant flooding fresh `jti`s (its own keys, its own
 * rate limit) cannot push out anyone else's records, and all maps together are bounded too. Per
 * process only — with several instances, a token could be replayed once against each; set
 * REDIS_URL to share the record.
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #byTenant = new Map<string, ExpiringMap>();
  readonly #maxPerTenant: number;
  readonly #maxEntries: number;
  /** Records written since the last exact count: never below the true total. */
  #count = 0;
  readonly #now: () => number;
  readonly #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: MemoryReplayStoreOptions = {}) {
    this.#maxPerTenant = Math.max(1, options.maxEntriesPerTenant ?? DEFAULT_MAX_ENTRIES_PER_TENANT);
    this.#maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.#now = options.now ?? Date.now;
    const interval = options.sweepIntervalMs ?? 60_000;
    if (interval > 0) {
      this.#timer = setInterval(() => this.sweep(), interval);
      this.#timer.unref();
    }
  }

  has({ tenantId, keyId, jti }: ReplayLookup): Promise<boolean> {
    const map = this.#byTenant.get(tenantId);
    return Promise.resolve(map?.get(replayKey(keyId, jti), this.#now()) !== undefined);
  }

  markSeen({ tenantId, keyId, jti, expiresAtMs }: ReplayRecord): Promise<boolean> {
    if (!Number.isFinite(expiresAtMs)) {
      return Promise.reject(new RangeError("replay expiry must be a finite ms epoch"));
    }
    const now = this.#now();
    const key = replayKey(keyId, jti);
    let map = this.#byTenant.get(tenantId);
    if (map?.get(key, now) !== undefined) return Promise.resolve(false);
    // Like Redis's SET … PXAT with a past time: accepted, and forgotten at once.
    if (expiresAtMs <= now) return Promise.resolve(true);
    if (this.#count >= this.#maxEntries) this.#makeRoom(now);
    if (!map) {
      map = new ExpiringMap(1, { maxEntries: this.#maxPerTenant, sweepIntervalMs: 0 });
      this.#byTenant.set(tenantId, map);
    }
    map.set(key, expiresAtMs, now);
    this.#count++;
    return Promise.resolve(true);
  }

  /**
   * At the overall bound: expired records go first; if that is not enough, the largest tenant's
   * oldest records, down to 90 % of the bound so that the next inserts need no work (amortised O(1)).
   */
  #makeRoom(now: number): void {
    this.sweep(now);
    const target = this.#maxEntries - Math.ceil(this.#maxEntries / 10);
    while (this.#count > target) {
      let largest: [string, ExpiringMap] | undefined;
      for (const entry of this.#byTenant) if (!largest || entry[1].size > largest[1].size) largest = entry;
      if (!largest) break;
      const [tenantId, map] = largest;
      this.#count -= map.evictOldest(Math.max(1, Math.min(map.size, this.#count - target)));
      if (map.size === 0) this.#byTenant.delete(tenantId);
    }
  }

  /** Drops expired records, and the maps of tenants with none left; counts what remains. */
  sweep(now = this.#now()): void {
    let count = 0;
    for (const [tenantId, map] of this.#byTenant) {
      map.sweep(now);
      if (map.size === 0) this.#byTenant.delete(tenantId);
      count += map.size;
    }
    this.#count = count;
  }

  get size(): number {
    let total = 0;
    for (const map of this.#byTenant.values()) total += map.size;
    return total;
  }

  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }
}
