import type { Redis } from "ioredis";
import { replayKey } from "./replay-key";
import type { ReplayLookup, ReplayRecord, ReplayStore } from "./types";

/**
 * One `SET key 1 NX PXAT expiresAt` per token: atomic, so two instances receiving the same token at
 * the same moment cannot both see it as new, and Redis forgets the record on its own. PXAT is
 * absolute on purpose — the token's expiry is an absolute time too. Key ids are unique across
 * tenants and Redis evicts nothing it was not told to (its maxmemory policy is the operator's), so
 * no tenant can push out another's records; the memory bound is Redis's own.
 */
export class RedisReplayStore implements ReplayStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  #key(keyId: string, jti: string): string {
    return `${this.keyPrefix}jti:${replayKey(keyId, jti)}`;
  }

  async has({ keyId, jti }: ReplayLookup): Promise<boolean> {
    return (await this.redis.exists(this.#key(keyId, jti))) === 1;
  }

  async markSeen({ keyId, jti, expiresAtMs }: ReplayRecord): Promise<boolean> {
    if (!Number.isFinite(expiresAtMs)) throw new RangeError("replay expiry must be a finite ms epoch");
    // PXAT must be a positive integer; a time in the past is accepted and the key dropped at once.
    const at = Math.max(1, Math.ceil(expiresAtMs));
    return (await this.redis.set(this.#key(keyId, jti), "1", "PXAT", at, "NX")) === "OK";
  }
}
