import { hkdfSync } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";

/**
 * Access tokens for the management API: HS256 JWTs signed with a key derived from AUTH_SECRET
 * (HKDF, so this key is never the same bytes next-auth uses). `typ` and the audience pin them to
 * this use: a consumer credential or a next-auth cookie can never pass as one.
 */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;
const AUDIENCE = "keydesk:management";
const TOKEN_TYPE = "keydesk-access+jwt";

export type AccessClaims = { userId: string; tenantId: string; sessionId: string };

const keyCache = new Map<string, Uint8Array>();

function signingKey(authSecret: string): Uint8Array {
  let key = keyCache.get(authSecret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", authSecret, "keydesk", "access-token-v1", 32));
    keyCache.set(authSecret, key);
  }
  return key;
}

export async function signAccessToken(
  claims: AccessClaims,
  authSecret: string,
  now = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId })
    .setProtectedHeader({ alg: "HS256", typ: TOKEN_TYPE })
    .setSubject(claims.userId)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .sign(signingKey(authSecret));
}

/** Returns the claims, or null for anything that is not a valid, unexpired access token. */
export async function verifyAccessToken(
  token: string,
  authSecret: string,
  now = Date.now(),
): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(authSecret), {
      algorithms: ["HS256"],
      audience: AUDIENCE,
      typ: TOKEN_TYPE,
      currentDate: new Date(now),
    });
    const { sub, tid, sid } = payload;
    if (typeof sub !== "string" || typeof tid !== "string" || typeof sid !== "string") return null;
    return { userId: sub, tenantId: tid, sessionId: sid };
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
    throw error;
  }
}
