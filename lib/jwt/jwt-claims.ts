import { type JsonObject, ownMember } from "./json-object";

/** Claims Keydesk reads from a client JWT (seed 000); any others are ignored. */
export type ClientJwtClaims = {
  sub: string;
  iat: number;
  exp: number;
  jti?: string;
  nbf?: number;
  aud?: string | readonly string[];
};

export const DEFAULT_LEEWAY_SECONDS = 60;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 900;
export const MAX_TOKEN_LIFETIME_CAP_SECONDS = 3600;
/** The caller stores jti per key until exp for replay checks; a UUID is 36 characters. */
export const MAX_JTI_LENGTH = 256;

export type ClaimsFailure = {
  ok: false;
  code: "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_NOT_YET_VALID" | "TOKEN_LIFETIME_TOO_LONG";
  message: string;
  details?: Readonly<Record<string, string | number>>;
};

function invalidToken(message: string): ClaimsFailure {
  return { ok: false, code: "INVALID_TOKEN", message };
}

// JSON.parse turns 1e999 into Infinity, so "is a number" is not enough for a NumericDate.
function isNumericDate(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isAudience(value: unknown): value is string | readonly string[] {
  return typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"));
}

/**
 * Checks the claims' presence and types (not their values: the signature is not verified yet, so
 * nothing here may be trusted beyond "well-formed enough to look the key up").
 */
export function readClaims(payload: JsonObject): { ok: true; claims: ClientJwtClaims } | ClaimsFailure {
  const sub = ownMember(payload, "sub");
  const iat = ownMember(payload, "iat");
  const exp = ownMember(payload, "exp");
  const nbf = ownMember(payload, "nbf");
  const jti = ownMember(payload, "jti");
  const aud = ownMember(payload, "aud");
  if (typeof sub !== "string" || sub.length === 0) return invalidToken("Claim sub is required: the key id");
  if (!isNumericDate(iat)) return invalidToken("Claim iat is required and must be a number (Unix seconds)");
  if (!isNumericDate(exp)) return invalidToken("Claim exp is required and must be a number (Unix seconds)");
  if (nbf !== undefined && !isNumericDate(nbf)) {
    return invalidToken("Claim nbf must be a number (Unix seconds)");
  }
  if (jti !== undefined && (typeof jti !== "string" || jti.length === 0 || jti.length > MAX_JTI_LENGTH)) {
    return invalidToken(`Claim jti must be a string of 1 to ${MAX_JTI_LENGTH} characters`);
  }
  if (aud !== undefined && !isAudience(aud)) {
    return invalidToken("Claim aud must be a string or an array of strings");
  }
  const claims: ClientJwtClaims = { sub, iat, exp };
  if (jti !== undefined) claims.jti = jti;
  if (nbf !== undefined) claims.nbf = nbf;
  if (aud !== undefined) claims.aud = aud;
  return { ok: true, claims };
}

/** A tenant setting outside (0, 3600] must not widen the window: bad or missing → default, too big → cap. */
export function effectiveMaxLifetime(configured: number | null | undefined): number {
  if (typeof configured !== "number" || !Number.isFinite(configured) || configured <= 0) {
    return DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  }
  return Math.min(configured, MAX_TOKEN_LIFETIME_CAP_SECONDS);
}

// Claims are attacker-chosen numbers; a Date out of range would make toISOString throw.
function isoOrSeconds(seconds: number): string | number {
  const ms = seconds * 1000;
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : seconds;
}

/**
 * Time rules of SPEC §3, in its order, on claims whose signature has been verified. The leeway
 * absorbs clock skew between client and server; it never stretches the lifetime rule, which
 * compares two client-chosen instants.
 */
export function checkClaimTimes(
  claims: ClientJwtClaims,
  nowSeconds: number,
  leewaySeconds: number,
  maxLifetimeSeconds: number,
): ClaimsFailure | null {
  const { iat, exp, nbf } = claims;
  // RFC 7519 §4.1.4: the current time must be before exp.
  if (nowSeconds >= exp + leewaySeconds) {
    return {
      ok: false,
      code: "TOKEN_EXPIRED",
      message: "Token expired",
      details: { expiredAt: isoOrSeconds(exp) },
    };
  }
  const notBefore = nbf !== undefined && nbf > iat ? nbf : iat;
  if (notBefore > nowSeconds + leewaySeconds) {
    const message = notBefore === iat ? "Token iat is in the future" : "Token nbf is in the future";
    return {
      ok: false,
      code: "TOKEN_NOT_YET_VALID",
      message,
      details: { validFrom: isoOrSeconds(notBefore) },
    };
  }
  if (exp <= iat) return invalidToken("Claim exp must be after iat");
  if (exp - iat > maxLifetimeSeconds) {
    return {
      ok: false,
      code: "TOKEN_LIFETIME_TOO_LONG",
      message: `Token lifetime (exp - iat) must be at most ${maxLifetimeSeconds} seconds`,
      details: { lifetimeSeconds: exp - iat, maxLifetimeSeconds },
    };
  }
  return null;
}

/** RFC 7519 §4.1.3: a token naming audiences is rejected unless one of them is ours. */
export function audienceAccepted(
  aud: string | readonly string[] | undefined,
  accepted: string | readonly string[] | undefined,
): boolean {
  if (aud === undefined) return true;
  if (accepted === undefined) return false;
  const ours = (value: string) =>
    typeof accepted === "string" ? value === accepted : accepted.includes(value);
  return typeof aud === "string" ? ours(aud) : aud.some(ours);
}
