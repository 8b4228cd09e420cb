import { describe, expect, it } from "vitest";
import {
  b64url,
  newP256KeyPair,
  signEs256,
  signingInput,
  withNonCanonicalSignatureEnding,
} from "@/test/es256";
import { MAX_TOKEN_LENGTH, verifyCompactEs256 } from "./es256-compact";
import { DER_SIGNATURE_HINT } from "./es256-signature";

const { privateKey, publicKey } = newP256KeyPair();
const HEADER = { alg: "ES256", typ: "JWT" };
const good = signEs256(HEADER, { hello: "world" }, privateKey);
const [goodHeader = "", goodPayload = "", goodSignature = ""] = good.split(".");

function rejected(token: string, code: "INVALID_TOKEN" | "INVALID_SIGNATURE") {
  const result = verifyCompactEs256(token, publicKey);
  expect(result.ok).toBe(false);
  if (result.ok) return "";
  expect(result.code).toBe(code);
  // Messages reach clients and logs: no segment of the token may be echoed back.
  for (const segment of token.split("."))
    if (segment.length >= 8) expect(result.message).not.toContain(segment);
  return result.message;
}

describe("verifyCompactEs256 structure", () => {
  it("accepts a well-formed token and returns the header and raw payload", () => {
    const result = verifyCompactEs256(good, publicKey);
    expect(result).toMatchObject({ ok: true, header: HEADER });
    if (result.ok) expect(JSON.parse(result.payloadBytes.toString())).toEqual({ hello: "world" });
  });

  it.each([
    ["empty", ""],
    ["one segment", goodHeader],
    ["two segments", `${goodHeader}.${goodPayload}`],
    ["four segments", `${good}.${goodSignature}`],
    ["five segments (JWE shape)", `${goodHeader}..${goodPayload}.${goodPayload}.${goodSignature}`],
    ["truncated mid-signature", good.slice(0, -1)],
    ["trailing newline", `${good}\n`],
    ["leading space", ` ${good}`],
    ["Bearer prefix left on", `Bearer ${good}`],
  ])("rejects %s as INVALID_TOKEN", (_name, token) => {
    rejected(token, "INVALID_TOKEN");
  });

  it("rejects a token truncated by a whole signature byte as INVALID_SIGNATURE", () => {
    expect(rejected(good.slice(0, -2), "INVALID_SIGNATURE")).toMatch(/64 bytes/);
  });

  it("caps the length before decoding anything", () => {
    const big = signEs256(HEADER, { pad: "x".repeat(MAX_TOKEN_LENGTH) }, privateKey);
    expect(rejected(big, "INVALID_TOKEN")).toMatch(/longer than/);
  });

  it("never throws on non-strings", () => {
    for (const value of [undefined, null, 42, {}, [good], Buffer.from(good)]) {
      expect(verifyCompactEs256(value as unknown as string, publicKey).ok).toBe(false);
    }
  });
});

describe("verifyCompactEs256 strict base64url", () => {
  it("rejects non-canonical trailing bits even though the bytes decode the same", () => {
    const mutated = withNonCanonicalSignatureEnding(good);
    expect(mutated).not.toBe(good);
    expect(Buffer.from(mutated.split(".")[2] ?? "", "base64url")).toEqual(
      Buffer.from(goodSignature, "base64url"),
    );
    rejected(mutated, "INVALID_TOKEN");
  });

  it("rejects padding and the standard base64 alphabet", () => {
    rejected(`${goodHeader}==.${goodPayload}.${goodSignature}`, "INVALID_TOKEN");
    rejected(`${goodHeader}.${goodPayload}.${goodSignature}==`, "INVALID_TOKEN");
    // Re-sign until the signature has a url-safe character to swap for its standard twin.
    let token = good;
    while (!/[-_]/.test(token.split(".")[2] ?? "")) token = signEs256(HEADER, { hello: "world" }, privateKey);
    const [h, p, s = ""] = token.split(".");
    expect(verifyCompactEs256(token, publicKey).ok).toBe(true);
    rejected(`${h}.${p}.${s.replaceAll("-", "+").replaceAll("_", "/")}`, "INVALID_TOKEN");
  });

  it("rejects whitespace or foreign characters inside a segment", () => {
    rejected(
      `${goodHeader}.${goodPayload.slice(0, 4)} ${goodPayload.slice(4)}.${goodSignature}`,
      "INVALID_TOKEN",
    );
    rejected(
      `${goodHeader}.${goodPayload}.${goodSignature.slice(0, 40)}é${goodSignature.slice(41)}`,
      "INVALID_TOKEN",
    );
  });
});

describe("verifyCompactEs256 header rules", () => {
  const payload = { hello: "world" };

  it.each([
    ["alg none", { alg: "none" }],
    ["alg NONE", { alg: "NONE" }],
    ["alg HS256", { alg: "HS256" }],
    ["alg RS256", { alg: "RS256" }],
    ["alg ES384", { alg: "ES384" }],
    ["alg es256 (wrong case)", { alg: "es256" }],
    ["alg missing", { typ: "JWT" }],
    ["alg not a string", { alg: ["ES256"] }],
    ["crit", { alg: "ES256", crit: ["exp"], exp: 1 }],
    ["b64 false with crit", { alg: "ES256", b64: false, crit: ["b64"] }],
    ["jwk", { alg: "ES256", jwk: publicKey.export({ format: "jwk" }) }],
    ["jku", { alg: "ES256", jku: "https://attacker.example/jwks.json" }],
    ["x5u", { alg: "ES256", x5u: "https://attacker.example/cert.pem" }],
    ["x5c", { alg: "ES256", x5c: ["MIIB"] }],
    ["jku null", { alg: "ES256", jku: null }],
    ["typ at+jwt", { alg: "ES256", typ: "at+jwt" }],
    ["typ JWS", { alg: "ES256", typ: "JWS" }],
    ["typ not a string", { alg: "ES256", typ: 1 }],
    ["kid not a string", { alg: "ES256", kid: 7 }],
  ])("refuses %s even when correctly signed", (_name, header) => {
    rejected(signEs256(header, payload, privateKey), "INVALID_TOKEN");
  });

  it.each([["JWT"], ["jwt"], ["application/jwt"]])("accepts typ %s", (typ) => {
    expect(verifyCompactEs256(signEs256({ alg: "ES256", typ }, payload, privateKey), publicKey).ok).toBe(
      true,
    );
  });

  it.each([
    ["an array", "[]"],
    ["null", "null"],
    ["a string", '"ES256"'],
    ["invalid JSON", '{"alg":"ES256"'],
    ["JSON behind a BOM", '\uFEFF{"alg":"ES256"}'],
  ])("rejects a header that is %s", (_name, headerText) => {
    rejected(`${b64url(headerText)}.${goodPayload}.${goodSignature}`, "INVALID_TOKEN");
  });

  it("rejects a header that is not UTF-8", () => {
    const bytes = Buffer.concat([
      Buffer.from('{"alg":"ES256","x":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    rejected(`${b64url(bytes)}.${goodPayload}.${goodSignature}`, "INVALID_TOKEN");
  });
});

describe("verifyCompactEs256 signatures", () => {
  it("rejects a DER signature with a hint saying how to fix it", () => {
    for (let i = 0; i < 20; i++) {
      const der = signEs256(HEADER, { i }, privateKey, "der");
      expect(rejected(der, "INVALID_SIGNATURE")).toBe(DER_SIGNATURE_HINT);
    }
  });

  it("rejects a signature by another key and a signature over other content", () => {
    rejected(signEs256(HEADER, { hello: "world" }, newP256KeyPair().privateKey), "INVALID_SIGNATURE");
    rejected(`${signingInput(HEADER, { hello: "World" })}.${goodSignature}`, "INVALID_SIGNATURE");
    rejected(`${goodHeader}.${goodPayload}.`, "INVALID_SIGNATURE");
    rejected(`${goodHeader}.${goodPayload}.${b64url(Buffer.alloc(64))}`, "INVALID_SIGNATURE");
  });
});
