import * as crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BASE62_ALPHABET, decodeBase62, encodeBase62, encodeIntBase62, randomBase62 } from "./base62";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});

// Digit-at-a-time reference, deliberately unlike the chunked divide-and-conquer under test.
function naiveEncode(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = "";
  do {
    out = BASE62_ALPHABET.charAt(Number(n % 62n)) + out;
    n /= 62n;
  } while (n > 0n);
  return out;
}

afterEach(() => {
  vi.mocked(crypto.randomBytes).mockClear();
});

describe("alphabet", () => {
  it("is the 62 alphanumerics in ASCII order", () => {
    expect(BASE62_ALPHABET).toHaveLength(62);
    expect([...BASE62_ALPHABET].sort().join("")).toBe(BASE62_ALPHABET);
    expect(new Set(BASE62_ALPHABET).size).toBe(62);
  });
});

describe("randomBase62", () => {
  it("returns exactly the requested number of alphabet characters", () => {
    for (const length of [0, 1, 6, 24, 43, 1000]) {
      const s = randomBase62(length);
      expect(s).toHaveLength(length);
      expect(s).toMatch(/^[0-9A-Za-z]*$/);
    }
  });

  it("drops bytes >= 248 instead of folding them onto low digits", () => {
    const fixed = Buffer.from([255, 248, 0, 61, 62, 247, 5]);
    vi.mocked(crypto.randomBytes).mockImplementationOnce(() => fixed);
    expect(randomBase62(4)).toBe("0z0z");
  });

  it("draws again when every byte of a pool is rejected", () => {
    vi.mocked(crypto.randomBytes)
      .mockImplementationOnce((size: number) => Buffer.alloc(size, 250))
      .mockImplementationOnce((size: number) => Buffer.alloc(size, 10));
    expect(randomBase62(3)).toBe("AAA");
    expect(crypto.randomBytes).toHaveBeenCalledTimes(2);
  });

  it("uses every character with roughly equal frequency", () => {
    const counts = new Map<string, number>();
    for (const ch of randomBase62(62 * 2000)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Expected 2000 each, sd ≈ 44; ±300 is ~7 sd, so a false failure is practically impossible.
    for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(300);
  });

  it("rejects invalid lengths", () => {
    expect(() => randomBase62(-1)).toThrow(RangeError);
    expect(() => randomBase62(1.5)).toThrow(RangeError);
  });
});

describe("encodeBase62 / decodeBase62", () => {
  it("matches known answers", () => {
    expect(encodeBase62(new Uint8Array([]))).toBe("0");
    expect(encodeBase62(new Uint8Array([0]))).toBe("0");
    expect(encodeBase62(new Uint8Array([61]))).toBe("z");
    expect(encodeBase62(new Uint8Array([62]))).toBe("10");
    expect(encodeBase62(new Uint8Array([0xff, 0xff]))).toBe("H31");
    expect(encodeBase62(new Uint8Array([0xff, 0xff]), 6)).toBe("000H31");
    expect(encodeBase62(Buffer.from("hello"))).toBe(naiveEncode(Buffer.from("hello")));
  });

  it("agrees with a naive reference and round-trips for many lengths", () => {
    for (let length = 1; length < 300; length += 7) {
      const bytes = crypto.randomBytes(length);
      bytes[0] = (bytes[0] ?? 0) | 1;
      const encoded = encodeBase62(bytes);
      expect(encoded).toBe(naiveEncode(bytes));
      expect(Buffer.from(decodeBase62(encoded) ?? [])).toEqual(bytes);
    }
    const big = crypto.randomBytes(6000);
    big[0] = 0x7b;
    expect(encodeBase62(big)).toBe(naiveEncode(big));
  });

  it("keeps leading zero bytes only when widths are given", () => {
    const bytes = new Uint8Array([0, 0, 7, 200]);
    const encoded = encodeBase62(bytes, 8);
    expect(encoded).toMatch(/^0{5}/);
    expect(decodeBase62(encoded, 4)).toEqual(bytes);
    expect(decodeBase62(encoded)).toEqual(new Uint8Array([7, 200]));
    expect(decodeBase62("0")).toEqual(new Uint8Array([]));
  });

  it("fits 32 bytes in 43 characters", () => {
    const max = new Uint8Array(32).fill(0xff);
    const encoded = encodeBase62(max, 43);
    expect(encoded).toHaveLength(43);
    expect(decodeBase62(encoded, 32)).toEqual(max);
  });

  it("throws rather than truncating when the width is too small", () => {
    expect(() => encodeBase62(new Uint8Array([0xff, 0xff]), 2)).toThrow(RangeError);
  });

  it("rejects characters outside the alphabet and oversize values", () => {
    for (const bad of ["", "abc-", " abc", "abc\n", "é", "a+b", "ab=", "_x"]) {
      expect(decodeBase62(bad)).toBeNull();
    }
    expect(decodeBase62("zz", 1)).toBeNull();
    expect(decodeBase62("z".repeat(44), 32)).toBeNull();
    expect(decodeBase62("47", 1)).toEqual(new Uint8Array([255]));
  });

  it("encodes a 32-bit number as encodeBase62 encodes its four bytes (the key checksum)", () => {
    const samples = [0, 1, 61, 62, 0xffffffff, 0x7fffffff, 0x80000000];
    for (let i = 0; i < 2000; i++) samples.push(crypto.randomBytes(4).readUInt32BE());
    for (const n of samples) {
      const bytes = Buffer.alloc(4);
      bytes.writeUInt32BE(n);
      expect(encodeIntBase62(n, 6)).toBe(encodeBase62(bytes, 6));
    }
  });

  it("refuses what does not fit the width, and what is not a non-negative integer", () => {
    expect(() => encodeIntBase62(62 ** 2, 2)).toThrow(RangeError);
    expect(encodeIntBase62(62 ** 2 - 1, 2)).toBe("zz");
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53])
      expect(() => encodeIntBase62(bad, 12)).toThrow(RangeError);
  });
});
