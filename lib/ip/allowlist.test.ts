import { describe, expect, it } from "vitest";
import { allowlistSchema, compileAllowlist, parseAllowlistEntry } from "./allowlist";

describe("parseAllowlistEntry", () => {
  it.each([
    ["203.0.113.0/24", "203.0.113.0/24"],
    ["203.0.113.9", "203.0.113.9"],
    ["203.0.113.9/32", "203.0.113.9"],
    [" 10.0.0.0/8 ", "10.0.0.0/8"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:DB8::/32", "2001:db8::/32"],
    ["2001:db8::1/128", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["::/0", "::/0"],
    ["::ffff:10.0.0.0/104", "10.0.0.0/8"],
    ["::ffff:0:0/96", "0.0.0.0/0"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
  ])("accepts %j as %j", (entry, normalized) => {
    expect(parseAllowlistEntry(entry)).toEqual({ ok: true, normalized });
  });

  it("refuses a range with host bits set and suggests both readings", () => {
    const result = parseAllowlistEntry("10.0.0.1/8");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      '"10.0.0.1/8" has host bits set: use 10.0.0.0/8 for the network or 10.0.0.1 for one address',
    );
    expect(parseAllowlistEntry("2001:db8::1/64")).toMatchObject({ ok: false, message: /2001:db8::\/64/ });
    expect(parseAllowlistEntry("::ffff:1.2.3.4/64")).toMatchObject({ ok: false, message: /host bits/ });
  });

  it.each([
    ["", /empty/],
    ["not-an-ip", /not an IPv4 or IPv6 address/],
    ["10.0.0.0/33", /prefix length must be 0–32/],
    ["2001:db8::/129", /prefix length must be 0–128/],
    ["10.0.0.0/", /prefix length/],
    ["10.0.0.0/08", /prefix length/],
    ["10.0.0.0/8/8", /prefix length/],
    ["10.0.0.0/-1", /prefix length/],
    ["1.2.3.4:80", /port/],
    ["[::1]:80", /port/],
    ["fe80::1%eth0", /zone/],
    ["10.0.0.0 - 10.0.0.255", /not an IPv4 or IPv6/],
    ["10.0.0.0 /8", /not an IPv4 or IPv6/],
    ["10.0.0.0/ 8", /not an IPv4 or IPv6/],
  ])("rejects %j", (entry, message) => {
    expect(parseAllowlistEntry(entry)).toMatchObject({ ok: false, message });
  });

  it("does not echo an unbounded input back", () => {
    const result = parseAllowlistEntry("x".repeat(10_000));
    expect(!result.ok && result.message.length).toBeLessThan(120);
  });
});

describe("allowlistSchema", () => {
  it("normalizes and removes duplicates, keeping order", () => {
    const parsed = allowlistSchema.parse([
      "10.0.0.0/8",
      "::ffff:10.0.0.0/104",
      "2001:DB8::1",
      "2001:db8::1/128",
    ]);
    expect(parsed).toEqual(["10.0.0.0/8", "2001:db8::1"]);
  });

  it("reports each bad entry at its index", () => {
    const result = allowlistSchema.safeParse(["10.0.0.0/8", "nope", "10.0.0.1/8"]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([[1], [2]]);
  });

  it("accepts 100 entries and refuses 101", () => {
    const entries = Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`);
    expect(allowlistSchema.safeParse(entries.slice(0, 100)).success).toBe(true);
    expect(allowlistSchema.safeParse(entries).error?.issues[0]?.message).toMatch(/at most 100/);
  });

  it("refuses non-strings", () => {
    expect(allowlistSchema.safeParse([42]).success).toBe(false);
    expect(allowlistSchema.safeParse("10.0.0.0/8").success).toBe(false);
  });
});

describe("compileAllowlist", () => {
  const list = compileAllowlist(["203.0.113.0/24", "198.51.100.7", "2001:db8::/32", "::1"]);

  it.each([
    ["203.0.113.0", true],
    ["203.0.113.255", true],
    ["203.0.114.0", false],
    ["198.51.100.7", true],
    ["198.51.100.8", false],
    ["::ffff:203.0.113.50", true],
    ["::ffff:cb00:7132", true],
    ["2001:db8:ffff::1", true],
    ["2001:db9::1", false],
    ["::1", true],
    ["[::1]", true],
    ["::2", false],
    ["unknown", false],
    ["", false],
  ])("contains(%j) is %s", (ip, expected) => {
    expect(list.contains(ip)).toBe(expected);
  });

  it("matches IPv4 clients against IPv4 entries written in mapped form", () => {
    const mapped = compileAllowlist(["::ffff:10.0.0.0/104"]);
    expect(mapped.contains("10.200.0.1")).toBe(true);
    expect(mapped.contains("11.0.0.1")).toBe(false);
  });

  it("does not let IPv4 clients through an IPv6-only entry", () => {
    const v6only = compileAllowlist(["::/0"]);
    expect(v6only.contains("2001:db8::1")).toBe(true);
    expect(v6only.contains("1.2.3.4")).toBe(false);
    expect(v6only.contains("::ffff:1.2.3.4")).toBe(false);
  });

  it("treats an empty allowlist as allow-all, and says so", () => {
    const empty = compileAllowlist([]);
    expect(empty.allowsAll).toBe(true);
    expect(empty.size).toBe(0);
    expect(empty.contains("1.2.3.4")).toBe(true);
    expect(list.allowsAll).toBe(false);
  });

  it("throws on an invalid entry instead of dropping it", () => {
    expect(() => compileAllowlist(["10.0.0.0/8", "garbage"])).toThrow(/Invalid IP range/);
  });
});

describe("compileAllowlist: memory", () => {
  it("gives every key without an allowlist one shared matcher that admits anyone (memory per cached key)", () => {
    const a = compileAllowlist([]);
    expect(compileAllowlist([])).toBe(a);
    expect(a).toMatchObject({ size: 0, allowsAll: true });
    expect(a.contains("192.0.2.1") && a.contains("2001:db8::1") && a.contains("unknown")).toBe(true);
  });

  it("compiles a real list on its own", () => {
    const list = compileAllowlist(["10.0.0.0/8"]);
    expect(list).not.toBe(compileAllowlist([]));
    expect(list.contains("10.1.2.3")).toBe(true);
    expect(list.contains("192.0.2.1")).toBe(false);
  });
});
