import { describe, expect, it } from "vitest";
import { MAX_SCOPES, missingScopes, scopeListSchema, scopeSchema } from "./scopes";

describe("scopeSchema", () => {
  it("accepts word:word scopes", () => {
    for (const scope of [
      "customers:read",
      "read:assets",
      "a:b",
      "billing_v2:write-all",
      `a${"b".repeat(31)}:c9`,
    ]) {
      expect(scopeSchema.safeParse(scope).success, scope).toBe(true);
    }
  });

  it("rejects anything else with a readable message", () => {
    for (const scope of [
      "",
      "customers",
      "customers:",
      ":read",
      "Customers:read",
      "customers:read:extra",
      "1customers:read",
      "customers:_read",
      "customers :read",
      "customers:read ",
      `a${"b".repeat(32)}:c`,
      "*:*",
      "cüstomers:read",
    ]) {
      const result = scopeSchema.safeParse(scope);
      expect(result.success, scope).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("customers:read");
    }
  });
});

describe("scopeListSchema", () => {
  it("deduplicates and sorts", () => {
    expect(scopeListSchema.parse(["b:write", "a:read", "b:write", "a:read"])).toEqual(["a:read", "b:write"]);
    expect(scopeListSchema.parse([])).toEqual([]);
  });

  it("allows 50 distinct scopes, even with duplicates, but not 51", () => {
    const fifty = Array.from({ length: MAX_SCOPES }, (_, i) => `s${i}:read`);
    expect(scopeListSchema.parse([...fifty, ...fifty])).toHaveLength(50);
    const result = scopeListSchema.safeParse([...fifty, "extra:read"]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("At most 50 distinct scopes");
  });

  it("refuses invalid members and non-arrays", () => {
    expect(scopeListSchema.safeParse(["ok:read", "NOPE"]).success).toBe(false);
    expect(scopeListSchema.safeParse("ok:read").success).toBe(false);
    expect(scopeListSchema.safeParse(Array.from({ length: 1000 }, () => "a:b")).success).toBe(false);
  });
});

describe("missingScopes", () => {
  it("lists required scopes that are not granted, once each, in request order", () => {
    expect(
      missingScopes(["customers:read"], ["customers:write", "customers:read", "customers:write"]),
    ).toEqual(["customers:write"]);
    expect(missingScopes(["a:b", "c:d"], ["c:d", "a:b"])).toEqual([]);
    expect(missingScopes([], ["z:z", "a:a"])).toEqual(["z:z", "a:a"]);
    expect(missingScopes(["a:b"], [])).toEqual([]);
  });

  it("does not treat a prefix or a different case as a grant", () => {
    expect(missingScopes(["customers:read"], ["customers:readwrite", "Customers:read"])).toEqual([
      "customers:readwrite",
      "Customers:read",
    ]);
  });
});
