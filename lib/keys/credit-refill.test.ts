import { describe, expect, it } from "vitest";
import { effectiveBalance, lastRefillBoundary, nextRefillBoundary } from "./credit-refill";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const daily = { interval: "daily", amount: 10, dayOfMonth: null } as const;
const monthly = (dayOfMonth: number) => ({ interval: "monthly", amount: 10, dayOfMonth }) as const;

describe("the refill calendar (UTC)", () => {
  it("daily: 00:00 UTC, the boundary itself counting as passed", () => {
    expect(iso(lastRefillBoundary(daily, at("2026-04-10T23:59:59.999Z")))).toBe("2026-04-10T00:00:00.000Z");
    expect(iso(lastRefillBoundary(daily, at("2026-04-11T00:00:00.000Z")))).toBe("2026-04-11T00:00:00.000Z");
    expect(iso(nextRefillBoundary(daily, at("2026-04-11T00:00:00.000Z")))).toBe("2026-04-12T00:00:00.000Z");
  });

  it("monthly on the 15th: this month's once passed, else last month's", () => {
    expect(iso(lastRefillBoundary(monthly(15), at("2026-04-14T12:00:00Z")))).toBe("2026-03-15T00:00:00.000Z");
    expect(iso(lastRefillBoundary(monthly(15), at("2026-04-15T00:00:00Z")))).toBe("2026-04-15T00:00:00.000Z");
    expect(iso(nextRefillBoundary(monthly(15), at("2026-04-14T12:00:00Z")))).toBe("2026-04-15T00:00:00.000Z");
    expect(iso(nextRefillBoundary(monthly(15), at("2026-12-20T00:00:00Z")))).toBe("2027-01-15T00:00:00.000Z");
    expect(iso(lastRefillBoundary(monthly(15), at("2027-01-03T00:00:00Z")))).toBe("2026-12-15T00:00:00.000Z");
  });

  it("day 31 is clamped to the month's last day (30 April, 28 February, 29 in a leap year)", () => {
    expect(iso(nextRefillBoundary(monthly(31), at("2026-04-02T00:00:00Z")))).toBe("2026-04-30T00:00:00.000Z");
    expect(iso(lastRefillBoundary(monthly(31), at("2026-05-01T00:00:00Z")))).toBe("2026-04-30T00:00:00.000Z");
    expect(iso(nextRefillBoundary(monthly(31), at("2026-02-10T00:00:00Z")))).toBe("2026-02-28T00:00:00.000Z");
    expect(iso(nextRefillBoundary(monthly(31), at("2028-02-10T00:00:00Z")))).toBe("2028-02-29T00:00:00.000Z");
    expect(iso(nextRefillBoundary(monthly(31), at("2026-05-01T00:00:00Z")))).toBe("2026-05-31T00:00:00.000Z");
  });

  it("a refill resets the balance once a boundary has passed since the last (re)fill", () => {
    const refilledAt = at("2026-04-10T08:00:00Z");
    expect(effectiveBalance(3, daily, refilledAt, at("2026-04-10T23:00:00Z"))).toBe(3);
    expect(effectiveBalance(3, daily, refilledAt, at("2026-04-11T00:00:00Z"))).toBe(10);
    expect(effectiveBalance(3, null, refilledAt, at("2026-05-11T00:00:00Z"))).toBe(3);
  });
});
