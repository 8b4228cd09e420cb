import { ExpiringMap, type ExpiringMapOptions } from "./expiring-map";
import { replayKey } from "./replay-key";
import type { ReplayStore } from "./types";

export interface MemoryReplayStoreOptions extends ExpiringMapOptions {
  /** Clock in ms epoch; injectable so tests can move time without sleeping. */
  now?: () => number;
}

/**
 * Remembers (key id, jti) pairs until their token can no longer be accepted. Keyed by the pair,
 * never by a hash of the token: ECDSA signatures are malleable, so one token has many encodings.
 * Per process only — with several instances, a token could be replayed once against each; set
 * REDIS_URL to share the record.
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #seen: ExpiringMap;
  readonly #now: () => number;

  constructor(options: MemoryReplayStoreOptions = {}) {
    this.#seen = new ExpiringMap(1, options);
    this.#now = options.now ?? Date.now;
  }

  markSeen(keyId: string, jti: string, expiresAtMs: number): Promise<boolean> {
    if (!Number.isFinite(expiresAtMs)) {
      return Promise.reject(new RangeError("replay expiry must be a finite ms epoch"));
    }
    const now = this.#now();
    const key = replayKey(keyId, jti);
    if (this.#seen.get(key, now) !== undefined) return Promise.resolve(false);
    // Like Redis's SET … PXAT with a past time: accepted, and forgotten at once.
    if (expiresAtMs > now) this.#seen.set(key, expiresAtMs, now);
    return Promise.resolve(true);
  }

  get size(): number {
    return this.#seen.size;
  }

  close(): void {
    this.#seen.close();
  }
}
