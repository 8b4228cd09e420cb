import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET, encodeBase62 } from "./base62";
import { generateKeyId } from "./key-id";
import {
  generateSigningSecret,
  MAX_SIGNED_KEY_LENGTH,
  parseSignedKeyUnverified,
  SIGNED_KEY_PATTERN,
  type SignedKeyInput,
  signSignedKey,
  verifySignedKey,
} from "./signed-key";

const OLD_SECRET = generateSigningSecret();
const NEW_SECRET = generateSigningSecret();

function input(overrides: Partial<SignedKeyInput> = {}): SignedKeyInput {
  return {
    environment: "live",
    tenantId: "ten_8xYq2LmN4pRs6TuV0wXz1A2b",
    keyId: generateKeyId(),
    scopes: ["customers:write", "customers:read", "customers:read"],
    expiresAt: new Date("2030-01-02T03:04:05.678Z"),
    metadata: { plan: "pro", seats: 3, note: "café ☕" },
    ...overrides,
  };
}

/** Mints a token over arbitrary payload bytes, as someone holding the secret could. */
function forge(payloadBytes: Uint8Array, secret: string, environment = "live"): string {
  const signedPart = `akv1_${environment}_${encodeBase62(payloadBytes)}`;
  const mac = createHmac("sha256", secret).update(signedPart).digest();
  return `${signedPart}.${encodeBase62(mac, 43)}`;
}

function forgeJson(value: unknown, secret = NEW_SECRET): string {
  return forge(Buffer.from(JSON.stringify(value), "utf8"), secret);
}

function replaceAt(text: string, index: number): string {
  const current = text.charAt(index);
  const next = BASE62_ALPHABET.charAt((BASE62_ALPHABET.indexOf(current) + 1) % 62);
  return text.slice(0, index) + next + text.slice(index + 1);
}

describe("signSignedKey / verifySignedKey", () => {
  it("round-trips the claims, normalised", () => {
    const claims = input();
    const token = signSignedKey(claims, NEW_SECRET);
    const expected = {
      environment: "live",
      tenantId: claims.tenantId,
      keyId: claims.keyId,
      scopes: ["customers:read", "customers:write"],
      expiresAt: new Date("2030-01-02T03:04:05.000Z"),
      metadata: claims.metadata,
    };
    expect(verifySignedKey(token, [NEW_SECRET])).toEqual({ ok: true, payload: expected, secretIndex: 0 });
    expect(parseSignedKeyUnverified(token)).toEqual(expected);
  });

  it("uses the documented wire format", () => {
    const claims = input({ environment: "test", expiresAt: null, metadata: {} });
    const token = signSignedKey(claims, NEW_SECRET);
    expect(token).toMatch(/^akv1_test_[0-9A-Za-z]+\.[0-9A-Za-z]{43}$/);
    expect(token.match(SIGNED_KEY_PATTERN)?.[0]).toBe(token);
    const [signedPart = "", signature] = token.split(".");
    const json = JSON.stringify({
      v: 1,
      t: claims.tenantId,
      k: claims.keyId,
      s: ["customers:read", "customers:write"],
      e: null,
      m: {},
    });
    expect(signedPart).toBe(`akv1_test_${encodeBase62(Buffer.from(json))}`);
    const mac = createHmac("sha256", NEW_SECRET).update(signedPart).digest();
    expect(signature).toBe(encodeBase62(mac, 43));
  });

  it("does not check expiry: that is the caller's job, with its own clock", () => {
    const token = signSignedKey(input({ expiresAt: new Date("2001-01-01T00:00:00Z") }), NEW_SECRET);
    const result = verifySignedKey(token, [NEW_SECRET]);
    expect(result.ok && result.payload.expiresAt?.toISOString()).toBe("2001-01-01T00:00:00.000Z");
  });

  it("rejects any change to the payload, environment or signature", () => {
    const token = signSignedKey(input(), NEW_SECRET);
    const dot = token.indexOf(".");
    for (let i = "akv1_live_".length; i < dot; i += 17) {
      expect(verifySignedKey(replaceAt(token, i), [NEW_SECRET])).toEqual({
        ok: false,
        reason: "bad_signature",
      });
    }
    expect(verifySignedKey(token.replace("akv1_live_", "akv1_test_"), [NEW_SECRET])).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verifySignedKey(replaceAt(token, token.length - 1), [NEW_SECRET])).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("accepts keys signed with an older secret until it is removed", () => {
    const oldToken = signSignedKey(input(), OLD_SECRET);
    const newToken = signSignedKey(input(), NEW_SECRET);
    expect(verifySignedKey(oldToken, [NEW_SECRET, OLD_SECRET])).toMatchObject({ ok: true, secretIndex: 1 });
    expect(verifySignedKey(newToken, [NEW_SECRET, OLD_SECRET])).toMatchObject({ ok: true, secretIndex: 0 });
    expect(verifySignedKey(oldToken, [NEW_SECRET])).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifySignedKey(oldToken, [])).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses weak or missing secrets instead of trusting them", () => {
    const token = signSignedKey(input(), NEW_SECRET);
    expect(() => signSignedKey(input(), "short")).toThrow(RangeError);
    expect(() => verifySignedKey(token, [NEW_SECRET, ""])).toThrow(RangeError);
  });

  it("refuses invalid claims when signing", () => {
    expect(() => signSignedKey(input({ keyId: "key_short" }), NEW_SECRET)).toThrow();
    expect(() => signSignedKey(input({ scopes: ["Not A Scope"] }), NEW_SECRET)).toThrow();
    expect(() => signSignedKey(input({ tenantId: "" }), NEW_SECRET)).toThrow();
    expect(() => signSignedKey(input({ expiresAt: new Date(Number.NaN) }), NEW_SECRET)).toThrow();
    expect(() => signSignedKey(input({ metadata: { big: "x".repeat(5000) } }), NEW_SECRET)).toThrow();
  });

  it("fits the largest allowed claims under the length cap", () => {
    const claims = input({
      tenantId: "t".repeat(64),
      scopes: Array.from({ length: 50 }, (_, i) => `${"a".repeat(30)}${i}:${"b".repeat(32)}`),
      metadata: { k: "\u007f".repeat(4096 - 8) },
    });
    const token = signSignedKey(claims, NEW_SECRET);
    expect(token.length).toBeGreaterThan(8 * 1024);
    expect(token.length).toBeLessThanOrEqual(MAX_SIGNED_KEY_LENGTH);
    expect(verifySignedKey(token, [NEW_SECRET]).ok).toBe(true);
  });
});

describe("malformed input", () => {
  it("is reported as malformed, never thrown", () => {
    const valid = signSignedKey(input(), NEW_SECRET);
    const cases: unknown[] = [
      "",
      "akv1_live_.",
      "akv1_prod_abc.def",
      valid.replace(".", ""),
      valid.slice(0, -1),
      `${valid}x`,
      ` ${valid}`,
      `${valid.slice(0, "akv1_live_".length)}0${valid.slice("akv1_live_".length)}`,
      `${valid.slice(0, valid.indexOf(".") + 1)}${"z".repeat(43)}`,
      `akv1_live_${"a".repeat(MAX_SIGNED_KEY_LENGTH)}.${"a".repeat(43)}`,
      null,
      undefined,
      42,
      { toString: () => valid },
    ];
    for (const token of cases) {
      expect(verifySignedKey(token as string, [NEW_SECRET])).toEqual({ ok: false, reason: "malformed" });
      expect(parseSignedKeyUnverified(token as string)).toBeNull();
    }
  });

  it("treats correctly signed but odd payloads as malformed", () => {
    const good = { v: 1, t: "ten_1", k: generateKeyId(), s: [], e: null, m: {} };
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = [deep];
    const odd: string[] = [
      forge(Buffer.from([0xff, 0xfe, 0x7b]), NEW_SECRET),
      forge(Buffer.from("not json"), NEW_SECRET),
      forgeJson([good]),
      forgeJson({ ...good, v: 2 }),
      forgeJson({ ...good, extra: true }),
      forgeJson({ ...good, e: 1.5 }),
      forgeJson({ ...good, e: -1 }),
      forgeJson({ ...good, s: ["NOPE"] }),
      forgeJson({ ...good, k: "key_x" }),
      forgeJson({ ...good, m: [] }),
      forgeJson({ ...good, m: { deep } }),
      forgeJson({ v: 1, t: "ten_1", k: good.k, s: [], e: null }),
    ];
    for (const token of odd) {
      expect(verifySignedKey(token, [NEW_SECRET])).toEqual({ ok: false, reason: "malformed" });
      expect(parseSignedKeyUnverified(token)).toBeNull();
    }
    expect(verifySignedKey(forgeJson(good), [NEW_SECRET]).ok).toBe(true);
  });

  it("survives arbitrary strings and mutations of a valid key", () => {
    const valid = signSignedKey(input(), NEW_SECRET);
    const mutated = fc
      .tuple(fc.nat({ max: valid.length }), fc.nat({ max: valid.length }), fc.string({ maxLength: 5 }))
      .map(
        ([at, drop, insert]) => valid.slice(0, at) + insert + valid.slice(Math.min(valid.length, at + drop)),
      );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), mutated), (token) => {
        // Only the untouched key may verify; anything else must come back as data, not an exception.
        expect(verifySignedKey(token, [NEW_SECRET, OLD_SECRET]).ok).toBe(token === valid);
        expect(() => parseSignedKeyUnverified(token)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe("generateSigningSecret", () => {
  it("is aksec_ and 43 base62 characters (32 random bytes), unique", () => {
    const secrets = Array.from({ length: 100 }, generateSigningSecret);
    for (const secret of secrets) expect(secret).toMatch(/^aksec_[0-9A-Za-z]{43}$/);
    expect(new Set(secrets).size).toBe(100);
  });
});
