import { Redis } from "ioredis";
import type { ExpiringMapOptions } from "./expiring-map";
import { FallbackRateLimiter, type FallbackStats } from "./fallback-rate-limiter";
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
  /**
   * Bounds for the in-memory stores: `maxEntries` for the rate limiter (with Redis, its local
   * fallback), the replay store's per tenant and in all.
   */
  memory?: ExpiringMapOptions & { maxReplayRecordsPerTenant?: number; maxReplayRecords?: number };
}

export interface Stores {
  readonly backend: "memory" | "redis";
  readonly rateLimiter: RateLimiter;
  readonly replayStore: ReplayStore;
  /** Redis failures seen, and calls answered by this process's own limits instead (for /api/metrics). */
  readonly stats: FallbackStats & { connectionErrors: number };
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
      maxEntries: options.memory?.maxReplayRecords,
    });
    return {
      backend: "memory",
      rateLimiter,
      replayStore,
      stats: { redisErrors: 0, fallbacks: 0, connectionErrors: 0 },
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
  const stats = { redisErrors: 0, fallbacks: 0, connectionErrors: 0 };
  // ioredis reconnects by itself; without a listener each failed attempt would print to stderr.
  redis.on("error", () => {
    stats.connectionErrors++;
  });
  let everReady = false;
  redis.once("ready", () => {
    everReady = true;
  });
  // Before the first connection, commands wait in ioredis's queue; after it, "not ready" means down.
  const ready = () => !everReady || redis.status === "ready";
  const replayStore = new RedisReplayStore(redis, prefix);
  const local = new MemoryRateLimiter(options.memory);
  return {
    backend: "redis",
    rateLimiter: new FallbackRateLimiter(new RedisRateLimiter(redis, prefix), local, ready, stats),
    // Fails at once while Redis is down; runtime.ts decides what that means (fail closed).
    replayStore: {
      has: (lookup) => (ready() ? replayStore.has(lookup) : notConnected()),
      markSeen: (record) => (ready() ? replayStore.markSeen(record) : notConnected()),
    },
    stats,
    close: async () => {
      local.close();
      await closeRedis(redis);
    },
  };
}

function notConnected(): Promise<never> {
  return Promise.reject(new Error("redis is not connected"));
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
