import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  b64url,
  clientJwtFixture,
  newP256KeyPair,
  signEs256,
  signingInput,
  TEST_KEY_ID,
  withNonCanonicalSignatureEnding,
} from "@/test/es256";
import { verifyCompactEs256 } from "./es256-compact";
import { DER_SIGNATURE_HINT } from "./es256-signature";
import { verifyClientJwt } from "./verify-client-jwt";

const f = clientJwtFixture();
const attacker = newP256KeyPair();

async function outcome(token: string) {
  const result = await verifyClientJwt(token, f.options);
  if (result.ok) return "ACCEPTED";
  for (const segment of token.split("."))
    if (segment.length >= 8) expect(result.message).not.toContain(segment);
  return result.code;
}

describe("algorithm confusion", () => {
  it("alg none with an empty signature", async () => {
    expect(await outcome(`${signingInput({ alg: "none", typ: "JWT" }, f.claims())}.`)).toBe("INVALID_TOKEN");
  });

  it("HS256 keyed with the victim's public key PEM", async () => {
    const input = signingInput({ alg: "HS256", typ: "JWT" }, f.claims());
    const mac = createHmac("sha256", f.pair.publicPem).update(input).digest();
    expect(await outcome(`${input}.${b64url(mac)}`)).toBe("INVALID_TOKEN");
  });

  it("RS256 and ES384 headers with real signatures of their kind", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rsInput = signingInput({ alg: "RS256" }, f.claims());
    expect(await outcome(`${rsInput}.${b64url(sign("sha256", Buffer.from(rsInput), rsa.privateKey))}`)).toBe(
      "INVALID_TOKEN",
    );
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
    const esInput = signingInput({ alg: "ES384" }, f.claims());
    const es384 = sign("sha384", Buffer.from(esInput), { key: p384.privateKey, dsaEncoding: "ieee-p1363" });
    expect(await outcome(`${esInput}.${b64url(es384)}`)).toBe("INVALID_TOKEN");
  });

  it("a DER signature from the right key gets INVALID_SIGNATURE and the hint", async () => {
    const result = await verifyClientJwt(
      signEs256({ alg: "ES256" }, f.claims(), f.pair.privateKey, "der"),
      f.options,
    );
    expect(result).toEqual({ ok: false, code: "INVALID_SIGNATURE", message: DER_SIGNATURE_HINT });
  });

  it("a resolver handing back a non-P-256 key fails closed without throwing", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const options = { ...f.options, resolveKey: () => ({ keyObject: rsa.publicKey, tenantId: "t" }) };
    expect(await verifyClientJwt(f.token(), options)).toMatchObject({ ok: false, code: "INVALID_SIGNATURE" });
  });
});

describe("the key never comes from the token", () => {
  it.each([
    ["jwk", { jwk: attacker.publicKey.export({ format: "jwk" }) }],
    ["jku", { jku: "https://attacker.example/jwks.json" }],
    ["x5u", { x5u: "https://attacker.example/cert.pem" }],
    ["x5c", { x5c: ["MIIBattacker"] }],
    ["crit", { crit: ["x-extra"], "x-extra": true }],
  ])("%s header on an attacker-signed token for the victim's key id", async (_name, extra) => {
    const token = signEs256({ alg: "ES256", ...extra }, f.claims(), attacker.privateKey);
    expect(await outcome(token)).toBe("INVALID_TOKEN");
  });

  it("a kid naming another key", async () => {
    expect(await outcome(f.token({}, { alg: "ES256", kid: "key_BBBBBBBBBBBBBBBBBBBBBBBB" }))).toBe(
      "INVALID_TOKEN",
    );
  });

  it("a typ other than JWT", async () => {
    expect(await outcome(f.token({}, { alg: "ES256", typ: "secevent+jwt" }))).toBe("INVALID_TOKEN");
  });

  it("the attacker's own signature under the victim's key id", async () => {
    expect(await outcome(signEs256({ alg: "ES256" }, f.claims(), attacker.privateKey))).toBe(
      "INVALID_SIGNATURE",
    );
  });
});

describe("mangled tokens", () => {
  const token = f.token();
  it.each([
    ["truncated", token.slice(0, -1), "INVALID_TOKEN"],
    ["cut at the last dot", token.slice(0, token.lastIndexOf(".")), "INVALID_TOKEN"],
    ["with an extra segment", `${token}.${b64url("x")}`, "INVALID_TOKEN"],
    ["with a non-canonical last character", withNonCanonicalSignatureEnding(token), "INVALID_TOKEN"],
  ])("%s", async (_name, mangled, code) => {
    expect(await outcome(mangled)).toBe(code);
  });

  it("any single-character change of a valid token is rejected", async () => {
    expect((await verifyClientJwt(token, f.options)).ok).toBe(true);
    const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.constantFrom(...chars), async (at, char) => {
        const mutated = token.slice(0, at) + char + token.slice(at + 1);
        fc.pre(mutated !== token);
        expect((await verifyClientJwt(mutated, f.options)).ok).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("garbage never throws", () => {
  it("10k random strings through verifyCompactEs256", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })),
        (text) => {
          expect(verifyCompactEs256(text, f.pair.publicKey).ok).toBe(false);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("10k dotted base64url-ish strings through verifyClientJwt", async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_=+/-]{0,120}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), async (parts) => {
        expect((await verifyClientJwt(parts.join("."), f.options)).ok).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });

  it("random headers and claims, correctly signed, only pass as a well-formed ES256 JWT", async () => {
    const header = fc.record(
      {
        alg: fc.constantFrom("ES256", "none", "HS256", "es256"),
        typ: fc.jsonValue(),
        kid: fc.constantFrom(TEST_KEY_ID, 1, "x"),
      },
      { requiredKeys: [] },
    );
    const claims = fc.record(
      {
        sub: fc.constantFrom(TEST_KEY_ID, "x", 5),
        iat: fc.jsonValue(),
        exp: fc.jsonValue(),
        aud: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(header, claims, async (h, c) => {
        const result = await verifyClientJwt(signEs256(h, c, f.pair.privateKey), f.options);
        // Random iat/exp almost never land in the valid window; what matters is that nothing
        // malformed is ever accepted and nothing throws.
        if (result.ok) {
          expect([h.alg, c.sub, typeof c.iat, typeof c.exp]).toEqual([
            "ES256",
            TEST_KEY_ID,
            "number",
            "number",
          ]);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
