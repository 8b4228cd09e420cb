import { describe, expect, it } from "vitest";
import { compileAllowlist } from "./allowlist";
import { resolveClientIp } from "./client-ip";
import { compileIpRanges } from "./ip-range-set";

const resolve = (
  peerAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxyHops = 0,
  trusted?: string[],
) =>
  resolveClientIp({
    peerAddress,
    forwardedFor,
    trustProxyHops,
    trustedProxies: trusted ? compileIpRanges(trusted) : undefined,
  });

describe("resolveClientIp — default configuration (no trusted proxies)", () => {
  it("returns the peer address", () => {
    expect(resolve("203.0.113.7", undefined)).toBe("203.0.113.7");
  });

  it("ignores a forged X-Forwarded-For entirely", () => {
    expect(resolve("203.0.113.7", "10.0.0.1")).toBe("203.0.113.7");
    expect(resolve("203.0.113.7", ["10.0.0.1", "127.0.0.1"])).toBe("203.0.113.7");
    expect(resolve("203.0.113.7", "127.0.0.1, 10.0.0.1, 192.168.0.1")).toBe("203.0.113.7");
  });

  it("does not fall back to X-Forwarded-For when the peer is missing or invalid", () => {
    expect(resolve(undefined, "10.0.0.1")).toBe("unknown");
    expect(resolve("garbage", "10.0.0.1")).toBe("unknown");
  });

  it("normalizes IPv6 and IPv4-mapped peers", () => {
    expect(resolve("2001:DB8:0:0::1", "10.0.0.1")).toBe("2001:db8::1");
    expect(resolve("::ffff:198.51.100.4", "10.0.0.1")).toBe("198.51.100.4");
    expect(resolve("::1", undefined)).toBe("::1");
  });

  it("treats nonsense hop counts as zero", () => {
    expect(resolve("203.0.113.7", "10.0.0.1", -1)).toBe("203.0.113.7");
    expect(resolve("203.0.113.7", "10.0.0.1", Number.NaN)).toBe("203.0.113.7");
    expect(resolve("203.0.113.7", "10.0.0.1", 1.5)).toBe("203.0.113.7");
  });

  it("ignores an empty trusted-proxy list, even an allowlist whose emptiness means allow-all", () => {
    const emptyAllowlist = compileAllowlist([]);
    expect(
      resolveClientIp({
        peerAddress: "203.0.113.7",
        forwardedFor: "10.0.0.1",
        trustProxyHops: 0,
        trustedProxies: emptyAllowlist,
      }),
    ).toBe("203.0.113.7");
  });
});

describe("resolveClientIp — TRUST_PROXY_HOPS", () => {
  const proxy = "10.0.0.2";

  it("with one proxy, takes the right-most entry (what the proxy saw)", () => {
    expect(resolve(proxy, "198.51.100.9", 1)).toBe("198.51.100.9");
    // The client sent its own header; the proxy appended the real address after it.
    expect(resolve(proxy, "1.1.1.1, 198.51.100.9", 1)).toBe("198.51.100.9");
  });

  it("with two proxies, skips the inner proxy's entry", () => {
    // client → P1 (10.0.0.1) → P2 (peer): P1 appends the client, P2 appends P1.
    expect(resolve(proxy, "6.6.6.6, 198.51.100.9, 10.0.0.1", 2)).toBe("198.51.100.9");
  });

  it("joins several header lines in order", () => {
    expect(resolve(proxy, ["6.6.6.6", "198.51.100.9, 10.0.0.1"], 2)).toBe("198.51.100.9");
    expect(resolve(proxy, ["6.6.6.6, 198.51.100.9", "10.0.0.1"], 2)).toBe("198.51.100.9");
  });

  it("with too few entries, believes only the right-most one (written by the peer)", () => {
    expect(resolve(proxy, "198.51.100.9", 2)).toBe("198.51.100.9");
    // Three hops configured but only two entries: the left one may be client-written.
    expect(resolve(proxy, "6.6.6.6, 198.51.100.9", 3)).toBe("198.51.100.9");
  });

  it("falls back to the peer when there is no header", () => {
    expect(resolve(proxy, undefined, 1)).toBe(proxy);
    expect(resolve(proxy, "", 1)).toBe(proxy);
    expect(resolve(proxy, [], 1)).toBe(proxy);
    expect(resolve(undefined, undefined, 1)).toBe("unknown");
  });

  it("skips an invalid entry towards the proxies, never towards the client", () => {
    expect(resolve(proxy, "6.6.6.6, garbage, 10.0.0.1", 2)).toBe("10.0.0.1");
    expect(resolve(proxy, "6.6.6.6, unknown", 1)).toBe(proxy);
    expect(resolve(proxy, "6.6.6.6,", 1)).toBe(proxy);
    expect(resolve(undefined, "6.6.6.6, garbage", 1)).toBe("unknown");
  });

  it("handles IPv6, mapped and bracketed entries, and entries with ports", () => {
    expect(resolve("::ffff:10.0.0.2", "2001:DB8::9", 1)).toBe("2001:db8::9");
    expect(resolve(proxy, "::ffff:198.51.100.9", 1)).toBe("198.51.100.9");
    expect(resolve(proxy, "[2001:db8::9]", 1)).toBe("2001:db8::9");
    expect(resolve(proxy, "198.51.100.9:5123", 1)).toBe("198.51.100.9");
    expect(resolve(proxy, "[2001:db8::9]:443", 1)).toBe("2001:db8::9");
    expect(resolve(proxy, "  198.51.100.9\t", 1)).toBe("198.51.100.9");
  });
});

describe("resolveClientIp — trusted proxy CIDR list", () => {
  const trusted = ["10.0.0.0/8", "2001:db8:ffff::/48"];

  it("uses the peer when the peer is not a trusted proxy, whatever it claims", () => {
    expect(resolve("203.0.113.7", "10.0.0.1, 1.2.3.4", 0, trusted)).toBe("203.0.113.7");
  });

  it("returns the right-most entry outside the trusted list", () => {
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1", 0, trusted)).toBe("198.51.100.9");
    expect(resolve("10.0.0.2", "198.51.100.9", 0, trusted)).toBe("198.51.100.9");
  });

  it("cannot be fooled by a client that forges trusted addresses to the left", () => {
    expect(resolve("10.0.0.2", "10.9.9.9, 198.51.100.9", 0, trusted)).toBe("198.51.100.9");
  });

  it("recognises trusted IPv6 and mapped peers", () => {
    expect(resolve("2001:db8:ffff::1", "198.51.100.9", 0, trusted)).toBe("198.51.100.9");
    expect(resolve("::ffff:10.0.0.2", "2001:db8::5", 0, trusted)).toBe("2001:db8::5");
  });

  it("stops at an invalid entry and returns the nearest trusted hop", () => {
    expect(resolve("10.0.0.2", "6.6.6.6, nonsense, 10.0.0.1", 0, trusted)).toBe("10.0.0.1");
    expect(resolve("10.0.0.2", "6.6.6.6, nonsense", 0, trusted)).toBe("10.0.0.2");
  });

  it("returns the left-most hop when every hop is trusted, and the peer without a header", () => {
    expect(resolve("10.0.0.2", "10.0.0.3, 10.0.0.1", 0, trusted)).toBe("10.0.0.3");
    expect(resolve("10.0.0.2", undefined, 0, trusted)).toBe("10.0.0.2");
  });

  it("returns unknown when the peer is unknown", () => {
    expect(resolve(undefined, "198.51.100.9", 0, trusted)).toBe("unknown");
  });

  it("takes precedence over a hop count", () => {
    expect(resolve("10.0.0.2", "198.51.100.9, 10.0.0.1", 1, trusted)).toBe("198.51.100.9");
    expect(resolve("203.0.113.7", "198.51.100.9, 10.0.0.1", 2, trusted)).toBe("203.0.113.7");
  });

  it("accepts a compiled allowlist as the trusted list", () => {
    const viaAllowlist = resolveClientIp({
      peerAddress: "10.0.0.2",
      forwardedFor: "198.51.100.9",
      trustProxyHops: 0,
      trustedProxies: compileAllowlist(["10.0.0.0/8"]),
    });
    expect(viaAllowlist).toBe("198.51.100.9");
  });
});
