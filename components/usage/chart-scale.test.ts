import { describe, expect, it } from "vitest";
import { axisTicks, labelEvery, stackOutcomes } from "./chart-scale";

describe("axisTicks", () => {
  it("covers the highest value in round steps from zero", () => {
    expect(axisTicks(10)).toEqual([0, 5, 10]);
    expect(axisTicks(87)).toEqual([0, 50, 100]);
    expect(axisTicks(120)).toEqual([0, 50, 100, 150]);
    expect(axisTicks(333_333)).toEqual([0, 100_000, 200_000, 300_000, 400_000]);
  });

  it("never steps by a fraction, and draws an axis for nothing at all", () => {
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(0)).toEqual([0, 1]);
  });

  it("always reaches the highest bar", () => {
    for (const max of [1, 7, 19, 99, 101, 999, 1001, 12_345, 9_999_999]) {
      const ticks = axisTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });
});

describe("stackOutcomes", () => {
  it("puts valid first and totals each bucket", () => {
    const stacked = stackOutcomes([
      { t: "a", outcomes: { RATE_LIMITED: 2, VALID: 5 } },
      { t: "b", outcomes: { INVALID_API_KEY: 1 } },
    ]);
    expect(stacked).toEqual({
      outcomes: ["VALID", "INVALID_API_KEY", "RATE_LIMITED"],
      totals: [7, 1],
      max: 7,
    });
  });
});

describe("labelEvery", () => {
  it("keeps at most six labels on the axis", () => {
    expect(labelEvery(5)).toBe(1);
    expect(labelEvery(24)).toBe(4);
    expect(labelEvery(60)).toBe(10);
    expect(labelEvery(168)).toBe(28);
  });
});
