import { describe, expect, it } from "vitest";
import { creditAmountProblem, creditsFrom, nextRefillLabel, presetValues, refillLabel } from "./credits";

describe("credits in the dashboard", () => {
  it("turns presets into the API's credits", () => {
    const form = (preset: "none" | "trial" | "monthly") => {
      const v = presetValues(preset);
      return creditsFrom({
        creditsPreset: preset,
        creditsRemaining: v.remaining,
        creditsRefill: v.refill,
        creditsRefillAmount: v.refillAmount,
      });
    };
    expect(form("none")).toBeUndefined();
    expect(form("trial")).toEqual({ remaining: 100, refill: null });
    expect(form("monthly")).toEqual({
      remaining: 50_000,
      refill: { interval: "monthly", amount: 50_000, dayOfMonth: 1 },
    });
  });

  it("checks amounts as typed and labels refills in UTC", () => {
    expect(creditAmountProblem("5")).toBeNull();
    expect(creditAmountProblem("-1")).not.toBeNull();
    expect(creditAmountProblem("1.5")).not.toBeNull();
    expect(creditAmountProblem("1000000001")).not.toBeNull();
    expect(refillLabel({ interval: "monthly", amount: 50_000, dayOfMonth: 1 })).toBe(
      "50,000 monthly (day 1)",
    );
    expect(nextRefillLabel({ remaining: 1, refill: null, nextRefillAt: "2026-06-01T00:00:00.000Z" })).toBe(
      "Refills Jun 1, 2026",
    );
  });
});
