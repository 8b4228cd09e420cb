import { sign } from "node:crypto";
import fc from "fast-check";
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { b64url, newP256KeyPair, signEs256, signingInput } from "@/test/es256";
import { verifyClientJwt } from "./verify-client-jwt";

// Differential test: Keydesk's own ES256 verifier against jose, on generated and mutated tokens,
// with the same key, clock and clock tolerance. jose is called as a generic JWT library would be
// (algorithms ES256, no audience, no required claims). Two properties:
//   1. whatever Keydesk accepts, jose accepts too (we are never more lenient);
//   2. whatever jose accepts and Keydesk refuses is one of the deliberate differences below.
// STRICTER is the list docs/decisions.md gives ("Client JWTs: our own ES256 code, not jose").

const KEY_ID = "key_AbCdEfGhIjKlMnOpQrStUvWx";
const OTHER_KEY_ID = "key_ZyXwVuTsRqPoNmLkJiHgFeDc";
const AUDIENCE = "https://keys.example.com";
const NOW_S = 1_767_225_600; // 2026-01-01T00:00:00Z, a whole second: jose floors the clock.
const LEEWAY = 60;
const MAX_LIFETIME = 900;
const MAX_TOKEN_LENGTH = 8 * 1024;

const pair = newP256KeyPair();
const other = newP256KeyPair();

async function oursAccepts(token: string): Promise<boolean> {
  const result = await verifyClientJwt(token, {
    now: NOW_S * 1000,
    audience: AUDIENCE,
    leewaySeconds: LEEWAY,
    resolveKey: (id) => (id === KEY_ID ? { keyObject: pair.publicKey } : null),
    maxLifetimeSeconds: () => MAX_LIFETIME,
  });
  return result.ok;
}

async function joseAccepts(token: string): Promise<boolean> {
  try {
    await jwtVerify(token, pair.publicKey, {
      algorithms: ["ES256"],
      currentDate: new Date(NOW_S * 1000),
      clockTolerance: LEEWAY,
    });
    return true;
  } catch {
    return false;
  }
}

/** Where Keydesk refuses on purpose what a generic JWT library accepts, and why. */
const STRICTER = {
  segmentEncoding:
    "a segment that is not canonical unpadded base64url (padding, whitespace, non-zero unused bits): one token string per byte string",
  tooLong: `a token longer than ${MAX_TOKEN_LENGTH} characters`,
  utf8: "a header or claim set that is not strict UTF-8 JSON (a BOM, invalid bytes)",
  refusedHeader: "a crit, jwk, jku, x5u or x5c header member, even one jose would ignore",
  typ: "a typ other than JWT or application/jwt",
  kid: "a kid that is not a string equal to sub",
  sub: "a sub that is not the id of the registered public key (key_ + 24 base62 characters)",
  iatExp: "iat or exp missing, or not a finite number",
  iatFuture: `iat later than now + ${LEEWAY} s leeway`,
  expBeforeIat: "exp not after iat",
  lifetime: `exp - iat longer than the tenant's maximum (${MAX_LIFETIME} s here)`,
  jti: "a jti that is not a string of 1 to 256 characters",
  aud: "an aud that is not a string or list of strings, or names no audience of this deployment",
} as const;
type Reason = keyof typeof STRICTER;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes a segment as a lenient library would, and says whether it was canonical. */
function decodeSegment(segment: string): { bytes: Buffer; canonical: boolean } {
  const bytes = Buffer.from(segment.replace(/[\s=]/g, ""), "base64url");
  return { bytes, canonical: bytes.toString("base64url") === segment };
}

function jsonOf(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value = JSON.parse(strictUtf8.decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const finite = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Written apart from the verifier: which deliberate differences does this token show? */
function stricterReasons(token: string): Reason[] {
  const reasons: Reason[] = [];
  if (token.length > MAX_TOKEN_LENGTH) reasons.push("tooLong");
  const segments = token.split(".");
  if (segments.length !== 3) return reasons;
  const [header, payload, signature] = segments.map(decodeSegment) as [
    ReturnType<typeof decodeSegment>,
    ReturnType<typeof decodeSegment>,
    ReturnType<typeof decodeSegment>,
  ];
  if (!header.canonical || !payload.canonical || !signature.canonical) reasons.push("segmentEncoding");
  const h = jsonOf(header.bytes);
  const c = jsonOf(payload.bytes);
  if (!h || !c) return [...reasons, "utf8"];
  if (["crit", "jwk", "jku", "x5u", "x5c"].some((name) => Object.hasOwn(h, name)))
    reasons.push("refusedHeader");
  if (h.typ !== undefined && !(typeof h.typ === "string" && /^(application\/)?jwt$/i.test(h.typ)))
    reasons.push("typ");
  if (h.kid !== undefined && h.kid !== c.sub) reasons.push("kid");
  if (c.sub !== KEY_ID) reasons.push("sub");
  if (!finite(c.iat) || !finite(c.exp)) reasons.push("iatExp");
  else {
    if (c.iat > NOW_S + LEEWAY) reasons.push("iatFuture");
    if (c.exp <= c.iat) reasons.push("expBeforeIat");
    else if (c.exp - c.iat > MAX_LIFETIME) reasons.push("lifetime");
  }
  if (c.jti !== undefined && !(typeof c.jti === "string" && c.jti.length >= 1 && c.jti.length <= 256))
    reasons.push("jti");
  const auds = typeof c.aud === "string" ? [c.aud] : c.aud;
  if (
    c.aud !== undefined &&
    !(Array.isArray(auds) && auds.every((a) => typeof a === "string") && auds.includes(AUDIENCE))
  )
    reasons.push("aud");
  return reasons;
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const claimsArb = fc
  .record({
    sub: fc.oneof(
      fc.constant(KEY_ID),
      fc.constant(KEY_ID),
      fc.constant(OTHER_KEY_ID),
      fc.string(),
      fc.integer(),
    ),
    iatOffset: fc.oneof(fc.integer({ min: -120, max: 30 }), fc.integer({ min: -5000, max: 5000 })),
    lifetime: fc.oneof(fc.integer({ min: 1, max: 900 }), fc.integer({ min: -100, max: 4000 })),
    nbfOffset: optional(fc.oneof(fc.integer({ min: -200, max: 200 }), fc.constant(Number.NaN))),
    jti: optional(fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), fc.integer())),
    aud: optional(
      fc.oneof(fc.constant(AUDIENCE), fc.constant("https://other.example"), fc.array(fc.string())),
    ),
    dropIat: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    stringExp: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  })
  .map(({ sub, iatOffset, lifetime, nbfOffset, jti, aud, dropIat, stringExp }) => {
    const iat = NOW_S + iatOffset;
    const claims: Record<string, unknown> = {
      sub,
      iat,
      exp: stringExp ? String(iat + lifetime) : iat + lifetime,
    };
    if (dropIat) delete claims.iat;
    if (nbfOffset !== undefined) claims.nbf = Number.isNaN(nbfOffset) ? "soon" : NOW_S + nbfOffset;
    if (jti !== undefined) claims.jti = jti;
    if (aud !== undefined) claims.aud = aud;
    return claims;
  });

const headerArb = fc
  .record({
    alg: fc.constantFrom("ES256", "ES256", "ES256", "none", "HS256", "ES384"),
    typ: optional(fc.constantFrom("JWT", "jwt", "application/jwt", "at+jwt", "JOSE", 5)),
    kid: optional(fc.constantFrom(KEY_ID, OTHER_KEY_ID, 7)),
    extra: optional(fc.constantFrom("crit", "jwk", "jku", "x5u", "x5c")),
  })
  .map(({ alg, typ, kid, extra }) => {
    const header: Record<string, unknown> = { alg };
    if (typ !== undefined) header.typ = typ;
    if (kid !== undefined) header.kid = kid;
    if (extra === "crit") header.crit = ["exp"];
    else if (extra !== undefined)
      header[extra] = extra === "jwk" ? { kty: "EC" } : "https://attacker.example/k";
    return header;
  });

const MUTATIONS = [
  "none",
  "none",
  "none",
  "flipSignature",
  "flipPayload",
  "padSegment",
  "spaceInSegment",
  "nonCanonicalEnding",
  "derSignature",
  "otherKey",
  "truncate",
  "dropSignature",
  "bomPayload",
  "longPayload",
] as const;
type Mutation = (typeof MUTATIONS)[number];

function makeToken(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  mutation: Mutation,
): string {
  switch (mutation) {
    case "otherKey":
      return signEs256(header, claims, other.privateKey);
    case "derSignature":
      return signEs256(header, claims, pair.privateKey, "der");
    case "bomPayload": {
      const input = `${b64url(JSON.stringify(header))}.${b64url(`\uFEFF${JSON.stringify(claims)}`)}`;
      return signRaw(input);
    }
    case "longPayload":
      return signEs256(header, { ...claims, pad: "x".repeat(MAX_TOKEN_LENGTH) }, pair.privateKey);
    default:
      break;
  }
  const token = signEs256(header, claims, pair.privateKey);
  const [h, p, s] = token.split(".") as [string, string, string];
  switch (mutation) {
    case "flipSignature":
      return `${h}.${p}.${s.startsWith("A") ? `B${s.slice(1)}` : `A${s.slice(1)}`}`;
    case "flipPayload":
      return `${h}.${signingInput(header, { ...claims, sub: OTHER_KEY_ID }).split(".")[1]}.${s}`;
    case "padSegment":
      return `${h}.${p}${"=".repeat((4 - (p.length % 4)) % 4 || 4)}.${s}`;
    case "spaceInSegment":
      return `${h}.${p.slice(0, 4)} ${p.slice(4)}.${s}`;
    case "nonCanonicalEnding": {
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const last = s.at(-1) ?? "A";
      return `${h}.${p}.${s.slice(0, -1)}${alphabet[alphabet.indexOf(last) | 1]}`;
    }
    case "truncate":
      return token.slice(0, token.length - 10);
    case "dropSignature":
      return `${h}.${p}.`;
    default:
      return token;
  }
}

/** Signs exactly these bytes (for a payload no JSON.stringify would write, e.g. with a BOM). */
function signRaw(input: string): string {
  const signature = sign("sha256", Buffer.from(input), { key: pair.privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${b64url(signature)}`;
}

describe("Keydesk's ES256 verifier against jose", () => {
  it("never accepts what jose refuses, and refuses what jose accepts only for the listed reasons", async () => {
    const seen = new Set<Reason>();
    await fc.assert(
      fc.asyncProperty(
        headerArb,
        claimsArb,
        fc.constantFrom(...MUTATIONS),
        async (header, claims, mutation) => {
          const token = makeToken(header, claims, mutation);
          const [ours, jose] = [await oursAccepts(token), await joseAccepts(token)];
          if (ours) expect(jose, "Keydesk accepted a token jose refuses").toBe(true);
          const reasons = stricterReasons(token);
          if (jose && !ours) {
            expect(reasons, "refused by Keydesk only, for no listed reason").not.toEqual([]);
            for (const reason of reasons) seen.add(reason);
          }
          if (reasons.length === 0) expect(ours).toBe(jose);
        },
      ),
      { numRuns: 600, seed: 9 },
    );
    // The list is not padding: generated tokens hit most of it (the rest have examples below).
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  const valid = { sub: KEY_ID, iat: NOW_S - 10, exp: NOW_S + 290 };
  const examples: [Reason, string][] = [
    ["segmentEncoding", makeToken({ alg: "ES256" }, valid, "nonCanonicalEnding")],
    ["tooLong", makeToken({ alg: "ES256" }, valid, "longPayload")],
    ["utf8", makeToken({ alg: "ES256" }, valid, "bomPayload")],
    ["refusedHeader", makeToken({ alg: "ES256", jku: "https://attacker.example/k" }, valid, "none")],
    ["typ", makeToken({ alg: "ES256", typ: "at+jwt" }, valid, "none")],
    ["kid", makeToken({ alg: "ES256", kid: OTHER_KEY_ID }, valid, "none")],
    ["sub", makeToken({ alg: "ES256" }, { ...valid, sub: "user-42" }, "none")],
    ["iatExp", makeToken({ alg: "ES256" }, { sub: KEY_ID, exp: NOW_S + 60 }, "none")],
    ["iatFuture", makeToken({ alg: "ES256" }, { sub: KEY_ID, iat: NOW_S + 600, exp: NOW_S + 700 }, "none")],
    ["expBeforeIat", makeToken({ alg: "ES256" }, { sub: KEY_ID, iat: NOW_S, exp: NOW_S - 30 }, "none")],
    ["lifetime", makeToken({ alg: "ES256" }, { ...valid, exp: NOW_S + 3000 }, "none")],
    ["jti", makeToken({ alg: "ES256" }, { ...valid, jti: "" }, "none")],
    ["aud", makeToken({ alg: "ES256" }, { ...valid, aud: "https://other.example" }, "none")],
  ];

  it.each(examples)("refuses on purpose, where jose accepts: %s", async (reason, token) => {
    expect(await joseAccepts(token)).toBe(true);
    expect(await oursAccepts(token)).toBe(false);
    expect(stricterReasons(token)).toContain(reason);
  });

  it("agrees with jose on a plain valid token and on a forged one", async () => {
    const good = makeToken({ alg: "ES256", typ: "JWT", kid: KEY_ID }, valid, "none");
    expect([await oursAccepts(good), await joseAccepts(good)]).toEqual([true, true]);
    const forged = makeToken({ alg: "ES256" }, valid, "otherKey");
    expect([await oursAccepts(forged), await joseAccepts(forged)]).toEqual([false, false]);
  });
});
