import type { Redis } from "ioredis";
import { replayKey } from "./replay-key";
import type { ReplayStore } from "./types";

/**
 * One `SET key 1 NX PXAT expiresAt` per token: atomic, so two instances receiving the same token at
 * the same moment cannot both see it as new, and Redis forgets the record on its own. PXAT is
 * absolute on purpose — the token's expiry is an absolute time too.
 */
export class RedisReplayStore implements ReplayStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async markSeen(keyId: string, jti: string, expiresAtMs: number): Promise<boolean> {
    if (!Number.isFinite(expiresAtMs)) throw new RangeError("replay expiry must be a finite ms epoch");
    // PXAT must be a positive integer; a time in the past is accepted and the key dropped at once.
    const at = Math.max(1, Math.ceil(expiresAtMs));
    const reply = await this.redis.set(
      `${this.keyPrefix}jti:${replayKey(keyId, jti)}`,
      "1",
      "PXAT",
      at,
      "NX",
    );
    return reply === "OK";
  }
}
