import { ExpiringMap } from "./expiring-map";
import { replayKey } from "./replay-key";
import type { ReplayRecord, ReplayStore } from "./types";

export interface MemoryReplayStoreOptions {
  /**
   * Records kept per tenant; default 100 000 (~10 MB). Past it the tenant's oldest records go:
   * one tenant's traffic can only ever evict its own records, never another tenant's.
   */
  maxEntriesPerTenant?: number;
  /** How often expired records are swept; default 60 s, 0 disables the timer (tests). */
  sweepIntervalMs?: number;
  /** Clock in ms epoch; injectable so tests can move time without sleeping. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES_PER_TENANT = 100_000;

/**
 * Remembers (key id, jti) pairs until their token can no longer be accepted. Keyed by the pair,
 * never by a hash of the token: ECDSA signatures are malleable, so one token has many encodings.
 * Each tenant has its own bounded map, so a tenant flooding fresh `jti`s (its own keys, its own
 * rate limit) cannot push out anyone else's records. Per process only — with several instances,
 * a token could be replayed once against each; set REDIS_URL to share the record.
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #byTenant = new Map<string, ExpiringMap>();
  /** Which tenant a key belongs to, so `has` (which has only the key id) finds its map. */
  readonly #tenantOfKey = new Map<string, string>();
  readonly #maxPerTenant: number;
  readonly #now: () => number;
  readonly #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: MemoryReplayStoreOptions = {}) {
    this.#maxPerTenant = Math.max(1, options.maxEntriesPerTenant ?? DEFAULT_MAX_ENTRIES_PER_TENANT);
    this.#now = options.now ?? Date.now;
    const interval = options.sweepIntervalMs ?? 60_000;
    if (interval > 0) {
      this.#timer = setInterval(() => this.sweep(), interval);
      this.#timer.unref();
    }
  }

  has(keyId: string, jti: string): Promise<boolean> {
    const tenantId = this.#tenantOfKey.get(keyId);
    const map = tenantId === undefined ? undefined : this.#byTenant.get(tenantId);
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
    if (!map) {
      map = new ExpiringMap(1, { maxEntries: this.#maxPerTenant, sweepIntervalMs: 0 });
      this.#byTenant.set(tenantId, map);
    }
    this.#tenantOfKey.set(keyId, tenantId);
    map.set(key, expiresAtMs, now);
    return Promise.resolve(true);
  }

  /** Drops expired records, and the maps of tenants with none left. */
  sweep(now = this.#now()): void {
    for (const [tenantId, map] of this.#byTenant) {
      map.sweep(now);
      if (map.size === 0) this.#byTenant.delete(tenantId);
    }
    for (const [keyId, tenantId] of this.#tenantOfKey)
      if (!this.#byTenant.has(tenantId)) this.#tenantOfKey.delete(keyId);
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
