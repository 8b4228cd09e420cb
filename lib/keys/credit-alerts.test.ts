import { describe, expect, it } from "vitest";
import { creditAlertsCrossed } from "./credit-alerts";

describe("creditAlertsCrossed", () => {
  it("says low once the balance goes under 10 % of the baseline, not at 10 % exactly", () => {
    expect(creditAlertsCrossed(11, 10, 100)).toEqual([]);
    expect(creditAlertsCrossed(10, 9, 100)).toEqual(["credits.low"]);
    expect(creditAlertsCrossed(9, 8, 100)).toEqual([]);
  });

  it("says exhausted when a spend reaches 0, and both when one spend crosses both", () => {
    expect(creditAlertsCrossed(1, 0, 100)).toEqual(["credits.exhausted"]);
    expect(creditAlertsCrossed(50, 0, 100)).toEqual(["credits.low", "credits.exhausted"]);
  });

  it("says nothing for a free spend, without a baseline (low), or for a tiny baseline crossed at 0", () => {
    expect(creditAlertsCrossed(5, 5, 100)).toEqual([]);
    expect(creditAlertsCrossed(10, 9, null)).toEqual([]);
    expect(creditAlertsCrossed(10, 0, null)).toEqual(["credits.exhausted"]);
    expect(creditAlertsCrossed(1, 0, 5)).toEqual(["credits.low", "credits.exhausted"]);
  });
});
