import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "@/lib/crypto/constant-time";
import { BASE62_ALPHABET } from "./base62";
import {
  displayPrefix,
  generateSecretKey,
  hashSecret,
  parseSecretKey,
  SECRET_KEY_PATTERN,
  secretKeyChecksum,
} from "./secret-key";

// Table-driven CRC-32 (reflected, polynomial 0xEDB88320), written here so the checksum is
// checked against something other than zlib.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function referenceCrc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function referenceBase62(n: number, width: number): string {
  let out = "";
  for (let rest = n; rest > 0; rest = Math.floor(rest / 62)) out = BASE62_ALPHABET.charAt(rest % 62) + out;
  return out.padStart(width, "0");
}

describe("secret key checksum", () => {
  it("matches fixed known answers", () => {
    expect(referenceCrc32("123456789")).toBe(0xcbf43926);
    expect(secretKeyChecksum("123456789")).toBe("3jZRME");
    expect(secretKeyChecksum(`ak_test_${"0".repeat(43)}`)).toBe("0JaaOf");
    const fixed = "ak_live_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg";
    expect(parseSecretKey(`${fixed}4O6ndn`)).toEqual({ environment: "live" });
  });

  it("is the CRC-32 of the whole body, prefix included, for many random keys", () => {
    for (let i = 0; i < 500; i++) {
      const key = generateSecretKey(i % 2 === 0 ? "live" : "test");
      const body = key.slice(0, -6);
      expect(key.slice(-6)).toBe(referenceBase62(referenceCrc32(body), 6));
    }
  });
});

describe("generateSecretKey / parseSecretKey", () => {
  it("produces keys of the documented shape that parse back", () => {
    const live = generateSecretKey("live");
    const test = generateSecretKey("test");
    expect(live).toMatch(/^ak_live_[0-9A-Za-z]{49}$/);
    expect(test).toMatch(/^ak_test_[0-9A-Za-z]{49}$/);
    expect(parseSecretKey(live)).toEqual({ environment: "live" });
    expect(parseSecretKey(test)).toEqual({ environment: "test" });
    expect(new Set(Array.from({ length: 200 }, () => generateSecretKey("live"))).size).toBe(200);
  });

  it("rejects every single-character typo, in every position", () => {
    const key = generateSecretKey("live");
    for (let i = 0; i < key.length; i++) {
      for (const replacement of ["0", "Z", "z", "q", "_", "-"]) {
        if (key[i] === replacement) continue;
        const typo = key.slice(0, i) + replacement + key.slice(i + 1);
        expect(parseSecretKey(typo), `position ${i} → ${replacement}`).toBeNull();
      }
    }
  });

  it("rejects swapped neighbours, wrong prefixes and wrong lengths", () => {
    const key = generateSecretKey("test");
    const body = key.slice(8);
    const swapIndex = [...body].findIndex((ch, i) => ch !== body[i + 1]);
    const swapped = `ak_test_${body.slice(0, swapIndex)}${body[swapIndex + 1]}${body[swapIndex]}${body.slice(swapIndex + 2)}`;
    for (const bad of [
      swapped,
      `ak_prod_${body}`,
      `AK_test_${body}`,
      `sk_test_${body}`,
      key.replace("ak_test_", "ak_live_"),
      key.slice(0, -1),
      `${key}0`,
      `${key} `,
      ` ${key}`,
      "",
      "ak_test_",
    ]) {
      expect(parseSecretKey(bad)).toBeNull();
    }
  });
});

describe("SECRET_KEY_PATTERN", () => {
  it("finds a key inside surrounding text", () => {
    const key = generateSecretKey("live");
    expect(`export API_KEY="${key}"`.match(SECRET_KEY_PATTERN)?.[0]).toBe(key);
    expect("ak_live_short".match(SECRET_KEY_PATTERN)).toBeNull();
  });
});

describe("hashSecret, compared with constantTimeEqual", () => {
  it("is HMAC-SHA-256 hex, depends on the pepper, and compares exactly", () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(hashSecret("what do ya want for nothing?", "Jefe")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    const key = generateSecretKey("live");
    const hash = hashSecret(key, "pepper-a");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(key, "pepper-b")).not.toBe(hash);
    expect(constantTimeEqual(hash, hashSecret(key, "pepper-a"))).toBe(true);
    expect(constantTimeEqual(hash, hashSecret(generateSecretKey("live"), "pepper-a"))).toBe(false);
    expect(constantTimeEqual(hash, hash.slice(0, -1))).toBe(false);
    expect(constantTimeEqual(hash, "")).toBe(false);
  });

  it("refuses an empty pepper", () => {
    expect(() => hashSecret("ak_live_x", "")).toThrow(RangeError);
  });
});

describe("displayPrefix", () => {
  it("shows the prefix, four random characters and the last four", () => {
    const fixed = "ak_live_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg4O6ndn";
    expect(displayPrefix(fixed)).toBe("ak_live_AbCd…6ndn");
    const key = generateSecretKey("test");
    expect(displayPrefix(key)).toBe(`${key.slice(0, 12)}…${key.slice(-4)}`);
  });

  it("refuses anything that is not a secret key", () => {
    expect(() => displayPrefix("ak_live_short")).toThrow(RangeError);
  });
});
