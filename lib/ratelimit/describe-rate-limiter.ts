import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RateLimiter } from "./types";

const T0 = 1_700_000_000_000; // a realistic epoch: µs timestamps near 2^53 must stay exact
const MINUTE = 60_000;

/** The behaviour every RateLimiter must show; run against each implementation. */
export function describeRateLimiter(name: string, getLimiter: () => RateLimiter): void {
  describe(name, () => {
    const key = (label: string) => `test:${label}:${randomUUID()}`;

    it("allows hits within the limit and counts remaining down", async () => {
      const limiter = getLimiter();
      const k = key("within");
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await limiter.consume(k, 5, MINUTE, T0));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true]);
      expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
      for (const r of results) {
        expect(r).toMatchObject({ limit: 5, retryAfterSeconds: 0 });
        expect(r.resetAt).toBeGreaterThan(T0);
        expect(r.resetAt).toBeLessThanOrEqual(T0 + MINUTE);
      }
      // One hit is 1/5 of the window; five hits take the whole window to drain.
      expect(results[0]?.resetAt).toBe(T0 + 12_000);
      expect(results[4]?.resetAt).toBe(T0 + MINUTE);
    });

    it("denies hits over the limit with a Retry-After within the window", async () => {
      const limiter = getLimiter();
      for (const limit of [1, 2, 7]) {
        const k = key(`over-${limit}`);
        for (let i = 0; i < limit; i++)
          expect((await limiter.consume(k, limit, MINUTE, T0)).allowed).toBe(true);
        const denied = await limiter.consume(k, limit, MINUTE, T0 + 1);
        expect(denied.allowed).toBe(false);
        expect(denied.remaining).toBe(0);
        expect(Number.isInteger(denied.retryAfterSeconds)).toBe(true);
        expect(denied.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(denied.retryAfterSeconds).toBeLessThanOrEqual(MINUTE / 1000);
        expect(denied.resetAt).toBeGreaterThan(T0 + 1);
        expect(denied.resetAt).toBeLessThanOrEqual(T0 + 1 + denied.retryAfterSeconds * 1000);
      }
    });

    it("reports exactly when the next hit will be admitted, and admits it then", async () => {
      const limiter = getLimiter();
      const k = key("retry");
      await limiter.consume(k, 2, MINUTE, T0);
      await limiter.consume(k, 2, MINUTE, T0);
      const denied = await limiter.consume(k, 2, MINUTE, T0 + 1_000);
      expect(denied).toMatchObject({ allowed: false, resetAt: T0 + 30_000, retryAfterSeconds: 29 });
      // Hammering while blocked does not push the reopening further away.
      for (let i = 0; i < 10; i++) await limiter.consume(k, 2, MINUTE, T0 + 2_000);
      expect((await limiter.consume(k, 2, MINUTE, T0 + 29_999)).allowed).toBe(false);
      expect(await limiter.consume(k, 2, MINUTE, T0 + 30_000)).toMatchObject({ allowed: true, remaining: 0 });
    });

    it("peek reports without counting", async () => {
      const limiter = getLimiter();
      const k = key("peek");
      for (let i = 0; i < 3; i++) {
        expect(await limiter.peek(k, 3, MINUTE, T0)).toMatchObject({
          allowed: true,
          remaining: 3,
          resetAt: T0,
        });
      }
      expect((await limiter.consume(k, 3, MINUTE, T0)).remaining).toBe(2);
      expect((await limiter.peek(k, 3, MINUTE, T0)).remaining).toBe(2);
      await limiter.consume(k, 3, MINUTE, T0);
      await limiter.consume(k, 3, MINUTE, T0);
      const blocked = await limiter.peek(k, 3, MINUTE, T0);
      expect(blocked).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 20 });
      expect((await limiter.consume(k, 3, MINUTE, T0)).allowed).toBe(false);
    });

    it("reset forgets the key", async () => {
      const limiter = getLimiter();
      const k = key("reset");
      await limiter.consume(k, 1, MINUTE, T0);
      expect((await limiter.consume(k, 1, MINUTE, T0)).allowed).toBe(false);
      await limiter.reset(k);
      expect(await limiter.consume(k, 1, MINUTE, T0)).toMatchObject({ allowed: true, remaining: 0 });
      await limiter.reset(key("never-used")); // resetting an unknown key is fine
    });

    it("keeps separate keys independent", async () => {
      const limiter = getLimiter();
      const a = key("a");
      const b = key("b");
      await limiter.consume(a, 1, MINUTE, T0);
      expect((await limiter.consume(a, 1, MINUTE, T0)).allowed).toBe(false);
      expect(await limiter.consume(b, 1, MINUTE, T0)).toMatchObject({ allowed: true, remaining: 0 });
    });

    it("rolls over: the full quota is back one window later, and refills steadily before", async () => {
      const limiter = getLimiter();
      const k = key("roll");
      for (let i = 0; i < 4; i++) await limiter.consume(k, 4, MINUTE, T0);
      expect((await limiter.consume(k, 4, MINUTE, T0 + 14_999)).allowed).toBe(false);
      // One hit per window / limit comes back.
      expect(await limiter.consume(k, 4, MINUTE, T0 + 15_000)).toMatchObject({ allowed: true, remaining: 0 });
      expect((await limiter.consume(k, 4, MINUTE, T0 + 15_001)).allowed).toBe(false);
      expect(await limiter.peek(k, 4, MINUTE, T0 + 15_000 + MINUTE)).toMatchObject({
        allowed: true,
        remaining: 4,
      });
      expect((await limiter.consume(k, 4, MINUTE, T0 + 15_000 + MINUTE)).remaining).toBe(3);
    });

    it("admits a full burst when the window does not divide evenly, and no more", async () => {
      const limiter = getLimiter();
      for (const [limit, windowMs] of [
        [3, 1_000],
        [7, 100],
        [6, 1_000],
      ] as const) {
        const k = key(`burst-${limit}`);
        const allowed: boolean[] = [];
        for (let i = 0; i <= limit; i++)
          allowed.push((await limiter.consume(k, limit, windowMs, T0)).allowed);
        expect(allowed).toEqual([...Array<boolean>(limit).fill(true), false]);
      }
    });

    it("handles limits far above the window in ms", async () => {
      const limiter = getLimiter();
      const k = key("big");
      // At once: the stored state lives only 50 × 0.6 ms (real time, in Redis), so one-by-one calls
      // on a loaded machine could outlive it and start over.
      const results = await Promise.all(
        Array.from({ length: 50 }, () => limiter.consume(k, 100_000, MINUTE, T0)),
      );
      expect(results.every((r) => r.allowed)).toBe(true);
      expect(Math.min(...results.map((r) => r.remaining))).toBe(99_950);
    });

    it("counts concurrent hits atomically", async () => {
      const limiter = getLimiter();
      const k = key("concurrent");
      const results = await Promise.all(Array.from({ length: 25 }, () => limiter.consume(k, 10, MINUTE, T0)));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      expect(
        results
          .filter((r) => r.allowed)
          .map((r) => r.remaining)
          .sort((x, y) => x - y),
      ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it("uses the current time when `now` is omitted", async () => {
      const limiter = getLimiter();
      const k = key("clock");
      const before = Date.now();
      const first = await limiter.consume(k, 1, MINUTE);
      expect(first.allowed).toBe(true);
      expect(first.resetAt).toBeGreaterThanOrEqual(before + MINUTE);
      expect((await limiter.peek(k, 1, MINUTE)).allowed).toBe(false);
    });

    it("rejects a limit or window that is not a positive integer", async () => {
      const limiter = getLimiter();
      // In-process limiters throw at once, Redis rejects: either way the caller hears of it.
      const consumed = (limit: number) =>
        Promise.resolve().then(() => limiter.consume(key("bad"), limit, MINUTE, T0));
      await expect(consumed(0)).rejects.toThrow(RangeError);
      await expect(consumed(1.5)).rejects.toThrow(RangeError);
      await expect(limiter.peek(key("bad"), 10, 0, T0)).rejects.toThrow(RangeError);
    });

    it("consumeAll admits a hit only when every bucket has room, atomically under concurrency", async () => {
      const limiter = getLimiter();
      const tight = { key: key("all-tight"), limit: 3, windowMs: MINUTE };
      const loose = { key: key("all-loose"), limit: 100, windowMs: MINUTE };
      const results = await Promise.all(
        Array.from({ length: 20 }, () => limiter.consumeAll([loose, tight], T0)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(3);
      const denied = results.find((r) => !r.allowed)!;
      expect(denied.retryAfterSeconds).toBe(20);
      // Denied hits were counted nowhere: the loose bucket saw exactly the three admitted ones.
      expect((await limiter.peek(loose.key, loose.limit, loose.windowMs, T0)).remaining).toBe(97);
    });

    it("refund gives one hit back, and forgets a bucket that is full again", async () => {
      const limiter = getLimiter();
      const bucket = { key: key("refund"), limit: 2, windowMs: MINUTE };
      await limiter.consumeAll([bucket], T0);
      await limiter.consumeAll([bucket], T0);
      expect((await limiter.consumeAll([bucket], T0)).allowed).toBe(false);
      await limiter.refund(bucket, T0);
      expect((await limiter.consumeAll([bucket], T0)).allowed).toBe(true);
      await limiter.refund(bucket, T0);
      await limiter.refund(bucket, T0);
      await limiter.refund(bucket, T0);
      expect((await limiter.peek(bucket.key, bucket.limit, bucket.windowMs, T0)).remaining).toBe(2);
    });

    it("a cost counts that many hits at once, and is refused whole when it does not fit", async () => {
      const limiter = getLimiter();
      const k = key("cost");
      expect(await limiter.consume(k, 10, MINUTE, T0, 4)).toMatchObject({ allowed: true, remaining: 6 });
      expect(await limiter.consume(k, 10, MINUTE, T0, 6)).toMatchObject({ allowed: true, remaining: 0 });
      const denied = await limiter.consume(k, 10, MINUTE, T0 + 1, 3);
      // Three hits come back in 3 × 6 s; nothing was counted for the refused request.
      expect(denied).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 18 });
      expect(await limiter.consume(k, 10, MINUTE, T0 + 18_000, 3)).toMatchObject({
        allowed: true,
        remaining: 0,
      });
    });

    it("cost 0 reports without spending, and is never refused", async () => {
      const limiter = getLimiter();
      const k = key("cost-zero");
      expect(await limiter.consume(k, 2, MINUTE, T0, 0)).toMatchObject({ allowed: true, remaining: 2 });
      await limiter.consume(k, 2, MINUTE, T0);
      await limiter.consume(k, 2, MINUTE, T0);
      expect(await limiter.consume(k, 2, MINUTE, T0, 0)).toMatchObject({ allowed: true, remaining: 0 });
      expect((await limiter.consume(k, 2, MINUTE, T0)).allowed).toBe(false);
      const each = await limiter.consumeEach([{ key: k, limit: 2, windowMs: MINUTE, cost: 0 }], T0);
      expect(each).toMatchObject({ allowed: true, results: [{ remaining: 0 }] });
    });

    it("rejects a cost that is not a whole number of hits", async () => {
      const limiter = getLimiter();
      const consumed = (cost: number) =>
        Promise.resolve().then(() => limiter.consume(key("bad-cost"), 10, MINUTE, T0, cost));
      await expect(consumed(-1)).rejects.toThrow(RangeError);
      await expect(consumed(0.5)).rejects.toThrow(RangeError);
    });

    it("consumeEach charges every bucket its cost or none, and reports each", async () => {
      const limiter = getLimiter();
      const a = { key: key("each-a"), limit: 10, windowMs: MINUTE, cost: 3 };
      const b = { key: key("each-b"), limit: 5, windowMs: 5_000, cost: 2 };
      const first = await limiter.consumeEach([a, b], T0);
      expect(first.allowed).toBe(true);
      expect(first.results.map((r) => r.remaining)).toEqual([7, 3]);
      await limiter.consumeEach([a, b], T0);
      // b has 1 left and is asked for 2: refused, and a is not charged either.
      const refused = await limiter.consumeEach([a, b], T0);
      expect(refused.allowed).toBe(false);
      expect(refused.results[0]).toMatchObject({ allowed: true, remaining: 4 });
      expect(refused.results[1]).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
      expect((await limiter.peek(a.key, a.limit, a.windowMs, T0)).remaining).toBe(4);
    });

    it("consumeEach is atomic under concurrency: a shared bucket admits exactly its limit", async () => {
      const limiter = getLimiter();
      const shared = { key: key("each-shared"), limit: 5, windowMs: MINUTE };
      const results = await Promise.all(
        Array.from({ length: 3 * 8 }, (_, i) =>
          limiter.consumeEach([{ key: key(`each-own-${i % 3}`), limit: 100, windowMs: MINUTE }, shared], T0),
        ),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
    });
  });
}
