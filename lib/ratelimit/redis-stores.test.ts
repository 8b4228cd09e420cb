import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStores, type Stores } from "./create-stores";
import { describeRateLimiter } from "./describe-rate-limiter";
import { describeReplayStore } from "./describe-replay-store";
import { RedisRateLimiter } from "./redis-rate-limiter";

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)("redis stores (set REDIS_URL to run)", () => {
  // A prefix of our own per run: the suite may share a Redis with a running app or other runs.
  const prefix = `keydesk-test:${randomUUID()}:`;
  let stores: Stores;
  let other: Stores;
  let admin: Redis;

  beforeAll(() => {
    stores = createStores({ redisUrl, keyPrefix: prefix });
    other = createStores({ redisUrl, keyPrefix: prefix });
    admin = new Redis(redisUrl ?? "");
  });

  afterAll(async () => {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await Promise.all([stores.close(), other.close()]);
    await admin.quit();
  });

  // The Redis limiter itself: `stores.rateLimiter` falls back to local limits when a command fails
  // (fallback-rate-limiter.ts), which would hide a Redis-side fault from this contract.
  describeRateLimiter("redis rate limiter", () => new RedisRateLimiter(admin, prefix));

  describeReplayStore("redis replay store", () => ({
    store: stores.replayStore,
    now: Date.now,
    // Redis expires keys on its own clock: the only way to move it is to wait.
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    floodSize: 2_000,
  }));

  it("is backed by redis", () => {
    expect(stores.backend).toBe("redis");
  });

  it("shares limits and replay records between instances", async () => {
    const now = 1_700_000_000_000;
    await stores.rateLimiter.consume("shared", 2, 60_000, now);
    await other.rateLimiter.consume("shared", 2, 60_000, now);
    expect((await stores.rateLimiter.consume("shared", 2, 60_000, now)).allowed).toBe(false);
    expect((await other.rateLimiter.peek("shared", 2, 60_000, now)).allowed).toBe(false);

    const exp = Date.now() + 60_000;
    const record = { tenantId: "ten_shared", keyId: "key_shared", jti: "jti", expiresAtMs: exp };
    expect(await stores.replayStore.markSeen(record)).toBe(true);
    expect(await other.replayStore.has(record)).toBe(true);
    expect(await other.replayStore.markSeen(record)).toBe(false);
  });

  it("keeps keys under the prefix, each with a TTL", async () => {
    await stores.rateLimiter.consume("ttl", 4, 60_000);
    await stores.replayStore.markSeen({
      tenantId: "ten_ttl",
      keyId: "key_ttl",
      jti: "jti",
      expiresAtMs: Date.now() + 30_000,
    });
    const ttl = await admin.pttl(`${prefix}rl:ttl`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(16_000);
    const jtiTtl = await admin.pttl(`${prefix}jti:7:key_ttl:jti`);
    expect(jtiTtl).toBeGreaterThan(0);
    expect(jtiTtl).toBeLessThanOrEqual(30_000);
  });

  it("recovers when the server has forgotten the script", async () => {
    await admin.script("FLUSH");
    expect((await stores.rateLimiter.consume("after-flush", 1, 60_000)).allowed).toBe(true);
    expect((await stores.rateLimiter.consume("after-flush", 1, 60_000)).allowed).toBe(false);
  });
});
