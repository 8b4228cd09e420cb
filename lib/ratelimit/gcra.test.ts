import { describe, expect, it } from "vitest";
import { gcraParams, gcraResult, nextTat, toMicros } from "./gcra";

describe("gcra", () => {
  it("rounds the emission interval down so a full burst always fits", () => {
    expect(gcraParams(3, 1_000)).toEqual({ limit: 3, intervalUs: 333_333, capacityUs: 999_999 });
    expect(gcraParams(100, 60_000)).toEqual({ limit: 100, intervalUs: 600_000, capacityUs: 60_000_000 });
    // More hits than µs in the window: one µs per hit is the finest the clock can express.
    expect(gcraParams(5_000, 1)).toEqual({ limit: 5_000, intervalUs: 1, capacityUs: 5_000 });
  });

  it("refuses limits and windows that are not positive integers", () => {
    for (const [limit, windowMs] of [
      [0, 1],
      [-1, 1],
      [1.5, 1],
      [1, 0],
      [1, Number.NaN],
      [Number.POSITIVE_INFINITY, 1],
    ]) {
      expect(() => gcraParams(limit ?? 0, windowMs ?? 0)).toThrow(RangeError);
    }
  });

  it("stays exact at realistic epochs", () => {
    const p = gcraParams(3, 1_000);
    const now = toMicros(1_765_000_000_123.9);
    expect(now).toBe(1_765_000_000_123_000);
    let tat: number | undefined;
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = gcraResult(tat, now, p, true);
      remaining.push(r.remaining);
      tat = nextTat(tat, now, p);
    }
    expect(remaining).toEqual([2, 1, 0]);
    expect(gcraResult(tat, now, p, true).allowed).toBe(false);
    expect(gcraResult(tat, now + 333_333, p, true).allowed).toBe(true);
  });

  it("treats a TAT in the past like a fresh key", () => {
    const p = gcraParams(5, 60_000);
    expect(gcraResult(1, 10_000_000, p, false)).toEqual(gcraResult(undefined, 10_000_000, p, false));
    expect(nextTat(1, 10_000_000, p)).toBe(10_000_000 + 12_000_000);
  });

  it("copes with a limit lowered after hits were counted", () => {
    const now = 0;
    let tat: number | undefined;
    for (let i = 0; i < 10; i++) tat = nextTat(tat, now, gcraParams(10, 60_000));
    const lowered = gcraResult(tat, now, gcraParams(2, 60_000), false);
    expect(lowered).toMatchObject({ allowed: false, remaining: 0 });
    expect(lowered.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
