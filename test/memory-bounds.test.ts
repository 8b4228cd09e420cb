import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { getEnv, parseEnv } from "@/lib/env";
import { KeyObjectCache } from "@/lib/jwt/import-key";
import { createStores } from "@/lib/ratelimit/create-stores";
import { MemoryRateLimiter } from "@/lib/ratelimit/memory-rate-limiter";
import { MemoryReplayStore } from "@/lib/ratelimit/memory-replay-store";
import { storesOptions } from "@/lib/stores";
import { UsageBuffer } from "@/lib/usage/usage-buffer";
import { KeyCache } from "@/lib/verify/core/key-cache";
import { missBudgetFor } from "@/lib/verify/core/miss-budget";
import type { VerifiableKey } from "@/lib/verify/core/types";
import { createVerifier } from "@/lib/verify/runtime/verifier";
import { createAccount } from "./accounts";
import { fakeVerifiableKey } from "./verifiable-key";
import { createTestKey } from "./verification";

// Issue 10: every in-process cache has a documented, configurable bound. For each, inserting well
// past the bound leaves it at or below the bound. README's "Memory bounds" table lists them.

const BOUND_VARS = [
  "KEY_CACHE_MAX_ENTRIES",
  "KEY_CACHE_MAX_MISSES",
  "SIGNED_KEY_MEMO_MAX_ENTRIES",
  "PUBLIC_KEY_CACHE_MAX_ENTRIES",
  "RATE_LIMIT_MEMORY_MAX_KEYS",
  "REPLAY_MEMORY_MAX_PER_TENANT",
  "REPLAY_MEMORY_MAX_RECORDS",
  "USAGE_BUFFER_MAX_ROWS",
];

function key(id: string, tenantId = "ten_bounds"): VerifiableKey {
  return fakeVerifiableKey({
    id,
    tenantId,
    name: id,
    tenant: { rateLimitPerMinute: null, maxTokenLifetimeSeconds: 900 },
  });
}

/** Every secret names a key (`hash-N` → `key_N`) unless it starts with `unknown`. */
const everyHashIsAKey = {
  bySecret: async (secret: string) => (secret.startsWith("unknown") ? null : key(`key_${secret.slice(5)}`)),
  byId: async (id: string) => key(id),
  signingSecrets: async () => [],
};

describe("the README documents every bound", () => {
  it("lists each variable in its Memory bounds table", () => {
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("### Memory bounds"));
    for (const name of BOUND_VARS) expect(table, name).toContain(`\`${name}\``);
  });
});

describe("key cache (KEY_CACHE_MAX_ENTRIES, KEY_CACHE_MAX_MISSES, SIGNED_KEY_MEMO_MAX_ENTRIES)", () => {
  it("holds at most maxEntries keys, and its key-id index never outgrows them", async () => {
    const cache = new KeyCache(everyHashIsAKey, { maxEntries: 50 });
    for (let i = 0; i < 500; i++) await cache.bySecret(`hash-${i}`);
    expect(cache.sizes.entries).toBe(50);
    expect(cache.sizes.keyIdIndex).toBeLessThanOrEqual(50);
    // The newest stay, and a NOTIFY for one of them still finds its entry through the index.
    expect(cache.bySecret("hash-499")).toMatchObject({ id: "key_499" });
    cache.invalidateKey("key_499");
    expect(cache.bySecret("hash-499")).toBeInstanceOf(Promise);
  });

  it("remembers at most maxMisses unknown credentials", async () => {
    const cache = new KeyCache(everyHashIsAKey, { maxMisses: 40 });
    for (let i = 0; i < 400; i++) await cache.bySecret(`unknown-${i}`);
    expect(cache.sizes.misses).toBe(40);
    expect(cache.sizes.entries).toBe(0);
  });

  it("remembers at most maxSignedClaims verified signed keys", () => {
    const cache = new KeyCache(everyHashIsAKey, { maxSignedClaims: 30 });
    for (let i = 0; i < 300; i++)
      cache.rememberSignedClaims(`akv1_live_${i}.sig`, {
        tenantId: "ten_bounds",
        keyId: `key_${i}`,
        environment: "live",
      });
    expect(cache.sizes.signedClaims).toBe(30);
    expect(cache.verifiedSignedClaims("akv1_live_299.sig")).toMatchObject({ keyId: "key_299" });
  });
});

describe("imported public keys (PUBLIC_KEY_CACHE_MAX_ENTRIES)", () => {
  it("holds at most maxEntries key objects", () => {
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .publicKey.export({ type: "spki", format: "pem" })
      .toString();
    const cache = new KeyObjectCache({ maxEntries: 20 });
    for (let i = 0; i < 200; i++) cache.getOrImport(`key_${i}`, "v1", pem);
    expect(cache.size).toBe(20);
  });
});

describe("rate-limit memory (RATE_LIMIT_MEMORY_MAX_KEYS), miss budgets included", () => {
  it("holds at most maxEntries buckets, whatever mix of tenants, keys and addresses", async () => {
    const limiter = new MemoryRateLimiter({ maxEntries: 1_000, sweepIntervalMs: 0 });
    for (let i = 0; i < 3_000; i++) {
      await limiter.consume(`rl:tenant:ten_${i}`, 100, 60_000);
      expect(limiter.size).toBeLessThanOrEqual(1_000);
    }
    // A flood of fresh addresses spending their miss budgets lives in the same bounded map.
    for (let i = 0; i < 3_000; i++) {
      const admit = missBudgetFor(`2001:db8::${i.toString(16)}`, { perMinute: 60, exempt: [] }, limiter);
      await admit?.();
      expect(limiter.size).toBeLessThanOrEqual(1_000);
    }
    limiter.close();
  });
});

describe("replay records in memory (REPLAY_MEMORY_MAX_PER_TENANT, REPLAY_MEMORY_MAX_RECORDS)", () => {
  const record = (tenantId: string, jti: string) => ({
    tenantId,
    keyId: `key_of_${tenantId}`,
    jti,
    expiresAtMs: Date.now() + 600_000,
  });

  it("holds at most maxEntriesPerTenant for one tenant", async () => {
    const store = new MemoryReplayStore({ maxEntriesPerTenant: 100, sweepIntervalMs: 0 });
    for (let i = 0; i < 1_000; i++) await store.markSeen(record("ten_one", `j${i}`));
    expect(store.size).toBeLessThanOrEqual(100);
    store.close();
  });

  it("holds at most maxEntries in all, taking from the largest tenant first", async () => {
    const store = new MemoryReplayStore({ maxEntriesPerTenant: 1_000, maxEntries: 500, sweepIntervalMs: 0 });
    expect(await store.markSeen(record("ten_small", "precious"))).toBe(true);
    for (let t = 0; t < 20; t++)
      for (let i = 0; i < 100; i++) {
        await store.markSeen(record(`ten_${t}`, `j${i}`));
        expect(store.size).toBeLessThanOrEqual(500);
      }
    for (let i = 0; i < 2_000; i++) await store.markSeen(record("ten_flood", `f${i}`));
    expect(store.size).toBeLessThanOrEqual(500);
    expect(await store.has(record("ten_small", "precious"))).toBe(true);
    store.close();
  });
});

describe("usage buffer (USAGE_BUFFER_MAX_ROWS)", () => {
  it("holds at most maxPendingCounts entries while nothing can be written", async () => {
    const buffer = new UsageBuffer(() => Promise.reject(new Error("database away")), {
      maxPendingCounts: 1_000,
    });
    for (let i = 0; i < 5_000; i++) {
      buffer.record({
        tenantId: "ten_b",
        keyId: `key_${i}`,
        outcome: "VALID",
        at: Date.now(),
        ip: "192.0.2.1",
      });
      expect(buffer.pending).toBeLessThanOrEqual(1_000);
    }
    await buffer.flush().catch(() => {});
    for (let i = 0; i < 5_000; i++)
      buffer.record({
        tenantId: "ten_b",
        keyId: `key_x${i}`,
        outcome: "VALID",
        at: Date.now(),
        ip: "192.0.2.1",
      });
    expect(buffer.pending).toBeLessThanOrEqual(1_000);
  });
});

describe("the running process takes its bounds from the environment", () => {
  const env = parseEnv({
    ...process.env,
    KEY_CACHE_MAX_ENTRIES: "3",
    KEY_CACHE_MAX_MISSES: "4",
    RATE_LIMIT_MEMORY_MAX_KEYS: "1000",
    REPLAY_MEMORY_MAX_PER_TENANT: "10",
    REPLAY_MEMORY_MAX_RECORDS: "20",
  });
  const verifier = createVerifier({ ...getEnv(), cacheBounds: env.cacheBounds });
  afterAll(async () => {
    verifier.stopped = true;
    await verifier.unlisten?.();
    await verifier.usage.stop();
  });

  it("the verifier's key cache, filled from the database, keeps to KEY_CACHE_MAX_* ", async () => {
    const account = await createAccount("bounds");
    const keys = [];
    for (let i = 0; i < 6; i++) keys.push(await createTestKey(account));
    for (const k of keys) expect(await verifier.keyCache.bySecret(k.key)).not.toBeNull();
    for (let i = 0; i < 10; i++) expect(await verifier.keyCache.bySecret(`unknown-${i}`)).toBeNull();
    expect(verifier.keyCache.sizes).toMatchObject({ entries: 3, misses: 4 });
    expect(verifier.keyCache.sizes.keyIdIndex).toBeLessThanOrEqual(3);
  });

  it("the in-memory stores keep to RATE_LIMIT_MEMORY_MAX_KEYS and REPLAY_MEMORY_MAX_*", async () => {
    const stores = createStores({ ...storesOptions(env), redisUrl: undefined });
    for (let i = 0; i < 2_500; i++) await stores.rateLimiter.consume(`k${i}`, 10, 60_000);
    for (let t = 0; t < 5; t++)
      for (let i = 0; i < 30; i++)
        await stores.replayStore.markSeen({
          tenantId: `ten_${t}`,
          keyId: `key_${t}`,
          jti: `j${i}`,
          expiresAtMs: Date.now() + 60_000,
        });
    expect((stores.rateLimiter as MemoryRateLimiter).size).toBeLessThanOrEqual(1_000);
    expect((stores.replayStore as MemoryReplayStore).size).toBeLessThanOrEqual(20);
    await stores.close();
  });
});
