import type { KeyObject } from "node:crypto";
import { decodeBase64Url } from "./base64url";
import {
  DER_SIGNATURE_HINT,
  ES256_SIGNATURE_BYTES,
  looksLikeDerSignature,
  verifyEs256Signature,
} from "./es256-signature";
import { type JsonObject, ownMember, parseJsonObject } from "./json-object";

/**
 * Compact JWS (RFC 7515 §7.1) verification for ES256 only. The payload is returned as bytes: it
 * need not be JSON here (the JWT layer decides). Nothing in this file throws, and no message
 * contains any part of the token: messages reach clients and logs.
 */

/** Well above any honest client JWT (a few hundred bytes), low enough to bound decoding work. */
export const MAX_TOKEN_LENGTH = 8 * 1024;

export type Es256Header = JsonObject & {
  readonly alg: "ES256";
  readonly kid?: string;
  readonly typ?: string;
};

export type JwsFailure = { ok: false; code: "INVALID_TOKEN" | "INVALID_SIGNATURE"; message: string };

/** A token whose structure and header passed, signature not yet checked. */
export type ParsedEs256Jws = {
  readonly header: Es256Header;
  readonly payloadBytes: Buffer;
  readonly signingInput: Buffer;
  readonly signature: Buffer;
};

export type CompactVerifyResult = { ok: true; header: Es256Header; payloadBytes: Buffer } | JwsFailure;

/**
 * Header members that point at a key or demand extensions. They are refused, not ignored: the key
 * always comes from Keydesk's database by `sub`, so a token carrying its own key (`jwk`), a URL to
 * fetch one (`jku`, `x5u`) or a certificate (`x5c`) is either confused or an attack, and failing
 * loudly tells an honest client to drop it. `crit` must be refused because we implement no
 * extension (RFC 7515 §4.1.11); that also refuses `b64: false` (RFC 7797), which requires `crit`.
 */
const REFUSED_HEADER_MEMBERS = ["crit", "jwk", "jku", "x5u", "x5c"] as const;

function invalidToken(message: string): JwsFailure {
  return { ok: false, code: "INVALID_TOKEN", message };
}

/** Returns why the header is unacceptable, or null. */
function headerProblem(header: JsonObject): string | null {
  const alg = ownMember(header, "alg");
  if (alg !== "ES256") {
    return typeof alg === "string" && alg.toLowerCase() === "none"
      ? "Unsigned tokens (alg none) are not accepted; sign with ES256"
      : "Token alg must be ES256";
  }
  for (const name of REFUSED_HEADER_MEMBERS) {
    if (Object.hasOwn(header, name)) {
      return `Token header must not contain "${name}"; the key is looked up by the key id in sub`;
    }
  }
  // `typ` is a media type, so case-insensitive, and "JWT" is short for "application/jwt"
  // (RFC 7515 §4.1.9, RFC 7519 §5.1). Anything else (e.g. "at+jwt") is a different kind of token.
  const typ = ownMember(header, "typ");
  if (typ !== undefined) {
    const lower = typeof typ === "string" ? typ.toLowerCase() : "";
    if (lower !== "jwt" && lower !== "application/jwt") return "Token typ must be JWT";
  }
  const kid = ownMember(header, "kid");
  if (kid !== undefined && typeof kid !== "string") return "Token kid must be a string";
  return null;
}

/** Splits and decodes a compact ES256 JWS and vets its header. Accepts `unknown` so JS callers can't make it throw. */
export function parseCompactEs256(token: unknown): { ok: true; jws: ParsedEs256Jws } | JwsFailure {
  if (typeof token !== "string" || token.length === 0) return invalidToken("Token is missing");
  if (token.length > MAX_TOKEN_LENGTH) {
    return invalidToken(`Token is longer than ${MAX_TOKEN_LENGTH} characters`);
  }
  // indexOf instead of split: no array, and a fourth segment is spotted without scanning twice.
  const dot1 = token.indexOf(".");
  const dot2 = dot1 < 0 ? -1 : token.indexOf(".", dot1 + 1);
  if (dot2 < 0 || token.indexOf(".", dot2 + 1) >= 0) {
    return invalidToken("Token must be three base64url segments separated by dots");
  }
  const headerBytes = decodeBase64Url(token, 0, dot1);
  if (headerBytes === null) return invalidToken("Token header is not canonical unpadded base64url");
  const header = parseJsonObject(headerBytes);
  if (header === null) return invalidToken("Token header is not a JSON object");
  const problem = headerProblem(header);
  if (problem !== null) return invalidToken(problem);
  const payloadBytes = decodeBase64Url(token, dot1 + 1, dot2);
  if (payloadBytes === null) return invalidToken("Token payload is not canonical unpadded base64url");
  const signature = decodeBase64Url(token, dot2 + 1);
  if (signature === null) return invalidToken("Token signature is not canonical unpadded base64url");
  // Every character before dot2 is base64url or ".", so latin1 gives exactly the ASCII bytes signed.
  const signingInput = Buffer.from(token.slice(0, dot2), "latin1");
  return { ok: true, jws: { header: header as Es256Header, payloadBytes, signingInput, signature } };
}

/** Checks a parsed token's signature; null when it is good. */
export function checkEs256Signature(jws: ParsedEs256Jws, key: KeyObject): JwsFailure | null {
  const { signature } = jws;
  if (signature.length !== ES256_SIGNATURE_BYTES) {
    const message = looksLikeDerSignature(signature)
      ? DER_SIGNATURE_HINT
      : `Signature must be ${ES256_SIGNATURE_BYTES} bytes (R||S), got ${signature.length}`;
    return { ok: false, code: "INVALID_SIGNATURE", message };
  }
  if (!verifyEs256Signature(jws.signingInput, signature, key)) {
    return { ok: false, code: "INVALID_SIGNATURE", message: "Invalid signature" };
  }
  return null;
}

/** Verifies a compact ES256 JWS against `key`. Never throws. */
export function verifyCompactEs256(token: string, key: KeyObject): CompactVerifyResult {
  const parsed = parseCompactEs256(token);
  if (!parsed.ok) return parsed;
  const failure = checkEs256Signature(parsed.jws, key);
  if (failure !== null) return failure;
  return { ok: true, header: parsed.jws.header, payloadBytes: parsed.jws.payloadBytes };
}
