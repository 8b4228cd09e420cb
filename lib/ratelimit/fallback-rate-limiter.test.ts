import { describe, expect, it } from "vitest";
import { FallbackRateLimiter } from "./fallback-rate-limiter";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import type { RateLimiter } from "./types";

/** A shared limiter that fails the way Redis does when it is away. */
function brokenRedis(): RateLimiter & { calls: number } {
  const broken = {
    calls: 0,
    consume: () => {
      broken.calls++;
      return Promise.reject(new Error("Connection is closed."));
    },
    peek: () => Promise.reject(new Error("Connection is closed.")),
    reset: () => Promise.reject(new Error("Connection is closed.")),
    consumeAll: () => Promise.reject(new Error("Connection is closed.")),
    consumeEach: () => Promise.reject(new Error("Connection is closed.")),
    refund: () => Promise.reject(new Error("Connection is closed.")),
  };
  return broken;
}

describe("FallbackRateLimiter (rate limits while Redis is away)", () => {
  it("enforces the limit from this process's memory when a Redis call fails", async () => {
    const limiter = new FallbackRateLimiter(brokenRedis(), new MemoryRateLimiter(), () => true);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await limiter.consume("k", 3, 60_000)).allowed);
    expect(results).toEqual([true, true, true, false]);
    expect(limiter.stats).toEqual({ redisErrors: 4, fallbacks: 4 });
    expect((await limiter.peek("k", 3, 60_000)).allowed).toBe(false);
    await expect(limiter.reset("k")).resolves.toBeUndefined();
  });

  it("does not even ask Redis while the connection is known to be down", async () => {
    const redis = brokenRedis();
    const limiter = new FallbackRateLimiter(redis, new MemoryRateLimiter(), () => false);
    expect((await limiter.consume("k", 1, 60_000)).allowed).toBe(true);
    expect(redis.calls).toBe(0);
    expect(limiter.stats.fallbacks).toBe(1);
  });

  it("uses the shared limiter when it answers, and does not hide bad arguments", async () => {
    const shared = new MemoryRateLimiter();
    const local = new MemoryRateLimiter();
    const limiter = new FallbackRateLimiter(shared, local, () => true);
    await limiter.consume("k", 1, 60_000);
    expect((await shared.peek("k", 1, 60_000)).allowed).toBe(false);
    expect((await local.peek("k", 1, 60_000)).allowed).toBe(true);
    await expect(Promise.resolve().then(() => limiter.consume("k", 0, 60_000))).rejects.toThrow(RangeError);
  });
});
