import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { compileIpRanges } from "./ip-range-set";

describe("compileIpRanges", () => {
  it("contains nothing when empty (unlike an allowlist)", () => {
    const empty = compileIpRanges([]);
    expect(empty.size).toBe(0);
    expect(empty.contains("1.2.3.4")).toBe(false);
    expect(empty.contains("::1")).toBe(false);
  });

  it("agrees with ipaddr.js on random IPv4 ranges, for clients just inside and just outside", () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(
        u32,
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 31 }),
        (base, prefix, bit) => {
          const network = ipaddr.IPv4.networkAddressFromCIDR(`${v4(base)}/${prefix}`);
          const client = ipaddr.parse(v4((base ^ (1 << bit)) >>> 0));
          const entry = prefix === 32 ? network.toString() : `${network.toString()}/${prefix}`;
          expect(compileIpRanges([entry]).contains(client.toString())).toBe(client.match(network, prefix));
        },
      ),
    );
  });

  it("agrees with ipaddr.js on random IPv6 ranges, for clients just inside and just outside", () => {
    // A non-zero first group keeps the base out of the IPv4-mapped block, which is matched as IPv4.
    const parts = fc.tuple(
      fc.integer({ min: 1, max: 0xffff }),
      fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 7, maxLength: 7 }),
    );
    fc.assert(
      fc.property(
        parts,
        fc.integer({ min: 0, max: 128 }),
        fc.integer({ min: 0, max: 127 }),
        ([first, rest], prefix, bit) => {
          const base = new ipaddr.IPv6([first, ...rest]);
          const network = ipaddr.IPv6.networkAddressFromCIDR(`${base.toString()}/${prefix}`);
          const flipped = [first, ...rest];
          const group = Math.floor(bit / 16);
          flipped[group] = (flipped[group] ?? 0) ^ (1 << (15 - (bit % 16)));
          const client = new ipaddr.IPv6(flipped);
          fc.pre(!client.isIPv4MappedAddress());
          const list = compileIpRanges([`${network.toString()}/${prefix}`]);
          expect(list.contains(client.toString())).toBe(client.match(network, prefix));
          expect(list.contains(base.toString())).toBe(true);
        },
      ),
    );
  });
});

function v4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}
