import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIp, normalizeIp, parseIp, parseIpv4 } from "./parse-ip";

describe("normalizeIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.255"],
    [" 10.1.2.3 ", "10.1.2.3"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["fe80::", "fe80::"],
    ["::", "::"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:1.2.3.4", "1.2.3.4"],
    ["[::ffff:198.51.100.9]", "198.51.100.9"],
    ["::ffff:c000:0201", "192.0.2.1"],
    ["0:0:0:0:0:ffff:102:304", "1.2.3.4"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it("keeps the deprecated IPv4-compatible form as IPv6 instead of reading it as mapped", () => {
    expect(normalizeIp("::1.2.3.4")).toBe("::102:304");
  });

  it.each([
    "",
    " ",
    "unknown",
    "localhost",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "1.2.3.-1",
    "01.2.3.4",
    "127.1",
    "0x7f.0.0.1",
    "1.2.3.4:80",
    "[::1]:443",
    "[1.2.3.4]",
    "[::1",
    "::1]",
    "fe80::1%eth0",
    "[fe80::1%25eth0]",
    "::ffff:1.2.3.4%1",
    "::ffff:127.1",
    "::ffff:0x7f.0.0.1",
    "::ffff:01.2.3.4",
    "1:2:3:4:5:6:7:8:9",
    "1::2::3",
    "12345::",
    "10.0.0.0/8",
    "::/0",
    "1.2.3.4, 5.6.7.8",
    `${"1".repeat(100)}`,
    `::${"0:".repeat(40)}1`,
  ])("rejects %j", (input) => {
    expect(normalizeIp(input)).toBeNull();
  });

  it("is idempotent and agrees with formatIp(parseIp(…)) for any IPv4 or IPv6 address", () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6());
    fc.assert(
      fc.property(address, (input) => {
        const once = normalizeIp(input);
        expect(once).not.toBeNull();
        expect(normalizeIp(once ?? "")).toBe(once);
        const parsed = parseIp(input);
        expect(parsed && formatIp(parsed)).toBe(once);
      }),
    );
  });
});

describe("parseIpv4", () => {
  it("returns the address as an unsigned 32-bit integer", () => {
    expect(parseIpv4("255.255.255.255")).toBe(0xffffffff);
    expect(parseIpv4("10.0.0.1")).toBe(0x0a000001);
    expect(parseIpv4("x1.2.3.4", 1)).toBe(0x01020304);
  });

  it("returns -1 for anything but a strict dotted quad", () => {
    for (const bad of ["1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4.", "00.1.2.3", "1.2.3.1000"]) {
      expect(parseIpv4(bad)).toBe(-1);
    }
  });
});

describe("parseIp", () => {
  it("reduces IPv4-mapped IPv6 to IPv4 words", () => {
    expect(parseIp("::ffff:10.0.0.1")).toEqual({ family: 4, words: [0x0a000001] });
  });

  it("splits IPv6 into four 32-bit words", () => {
    expect(parseIp("2001:db8::ff:1")).toEqual({ family: 6, words: [0x20010db8, 0, 0, 0x00ff0001] });
  });
});
