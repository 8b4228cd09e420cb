import "server-only";
import { type Env, getEnv } from "@/lib/env";
import { type CreateStoresOptions, createStores } from "@/lib/ratelimit/create-stores";

type Stores = ReturnType<typeof createStores>;
const STORES_KEY = Symbol.for("keydesk.stores");
type StoresHolder = { [STORES_KEY]?: Stores };

/**
 * Rate limits, login throttles and replay records: in process memory by default, in Redis when
 * REDIS_URL is set so that every instance shares them. One set per process (see db/client.ts for
 * why it lives on globalThis).
 */
export function getStores(): Stores {
  const holder = globalThis as StoresHolder;
  holder[STORES_KEY] ??= createStores(storesOptions(getEnv()));
  return holder[STORES_KEY];
}

/** Where the stores live, and the bounds of their in-memory maps (README, "Memory bounds"). */
export function storesOptions(env: Env): CreateStoresOptions {
  const bounds = env.cacheBounds;
  return {
    redisUrl: env.redisUrl,
    keyPrefix: env.redisPrefix,
    memory: {
      maxEntries: bounds.rateLimitKeys,
      maxReplayRecordsPerTenant: bounds.replayRecordsPerTenant,
      maxReplayRecords: bounds.replayRecords,
    },
  };
}

/** The stores if they were created, for /api/metrics (which must not open a Redis connection). */
export function currentStores(): Stores | undefined {
  return (globalThis as StoresHolder)[STORES_KEY];
}

export async function closeStores(): Promise<void> {
  const holder = globalThis as StoresHolder;
  const stores = holder[STORES_KEY];
  delete holder[STORES_KEY];
  await stores?.close();
}
