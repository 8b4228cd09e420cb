import { Redis } from "ioredis";
import type { ExpiringMapOptions } from "./expiring-map";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import { MemoryReplayStore } from "./memory-replay-store";
import { RedisRateLimiter } from "./redis-rate-limiter";
import { RedisReplayStore } from "./redis-replay-store";
import type { RateLimiter, ReplayStore } from "./types";

export interface CreateStoresOptions {
  /** `redis://` or `rediss://`; without it, state lives in this process only. */
  redisUrl?: string;
  /** Namespace for every Redis key; default `keydesk:`. */
  keyPrefix?: string;
  /** Bounds for the in-memory stores: the rate limiter's in all, the replay store's per tenant. */
  memory?: ExpiringMapOptions & { maxReplayRecordsPerTenant?: number };
}

export interface Stores {
  readonly backend: "memory" | "redis";
  readonly rateLimiter: RateLimiter;
  readonly replayStore: ReplayStore;
  /** Stops sweep timers or closes the Redis connection; call on graceful shutdown. */
  close(): Promise<void>;
}

export const DEFAULT_KEY_PREFIX = "keydesk:";

export function createStores(options: CreateStoresOptions = {}): Stores {
  if (!options.redisUrl) {
    const rateLimiter = new MemoryRateLimiter(options.memory);
    const replayStore = new MemoryReplayStore({
      sweepIntervalMs: options.memory?.sweepIntervalMs,
      maxEntriesPerTenant: options.memory?.maxReplayRecordsPerTenant,
    });
    return {
      backend: "memory",
      rateLimiter,
      replayStore,
      close: async () => {
        rateLimiter.close();
        replayStore.close();
      },
    };
  }
  const redis = new Redis(options.redisUrl, {
    // Fail a command quickly rather than hold a verification request while Redis is away; the
    // caller decides what a rate-limit error means.
    maxRetriesPerRequest: 2,
    commandTimeout: 2_000,
    // Concurrent requests share one write to the socket instead of one each.
    enableAutoPipelining: true,
  });
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  return {
    backend: "redis",
    rateLimiter: new RedisRateLimiter(redis, prefix),
    replayStore: new RedisReplayStore(redis, prefix),
    close: () => closeRedis(redis),
  };
}

async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  try {
    await redis.quit();
  } catch {
    // Already disconnected or never connected: nothing left to flush.
    redis.disconnect();
  }
}
