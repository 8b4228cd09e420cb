const BEARER = /^Bearer\s+(\S+)$/i;
const BEARER_SCHEME = /^Bearer\s/i;

/**
 * The credential of `Authorization: Bearer <credential>` (RFC 6750 §2.1), or null for a missing
 * header, another scheme, or a value with more than one token. The one parser, for access tokens,
 * consumer credentials and the metrics token alike.
 */
export function bearerCredential(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  return BEARER.exec(authorization.trim())?.[1] ?? null;
}

/** True when the header names the Bearer scheme, well-formed or not. */
export function isBearerScheme(authorization: string | null | undefined): boolean {
  return authorization ? BEARER_SCHEME.test(authorization.trim()) : false;
}
