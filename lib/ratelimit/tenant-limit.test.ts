import { describe, expect, it } from "vitest";
import { effectiveTenantLimit, tenantLimitProblem } from "./tenant-limit";

describe("effectiveTenantLimit", () => {
  it("is the tenant's own setting without a ceiling, null included", () => {
    expect(effectiveTenantLimit(250, null)).toBe(250);
    expect(effectiveTenantLimit(null, null)).toBeNull();
  });

  it("never exceeds the ceiling, and a tenant with none is held to it", () => {
    expect(effectiveTenantLimit(250, 1_000)).toBe(250);
    expect(effectiveTenantLimit(5_000, 1_000)).toBe(1_000);
    expect(effectiveTenantLimit(null, 1_000)).toBe(1_000);
  });
});

describe("tenantLimitProblem", () => {
  it("allows anything without a ceiling", () => {
    expect(tenantLimitProblem(null, null)).toBeNull();
    expect(tenantLimitProblem(60_000_000, null)).toBeNull();
  });

  it("names the ceiling for values above it and for Unlimited", () => {
    expect(tenantLimitProblem(1_000, 1_000)).toBeNull();
    expect(tenantLimitProblem(1_001, 1_000)).toContain("1000");
    expect(tenantLimitProblem(null, 1_000)).toMatch(/1000.*Unlimited/);
  });
});
