import type { CreditBalance, NamedLimitInfo, RateLimitInfo, VerifiableKey } from "@/lib/verify/core/types";

/** IETF RateLimit header fields: limit, remaining, and seconds until the window frees up. */
export function rateLimitHeaders(
  info: RateLimitInfo | null | undefined,
  now = Date.now(),
): Record<string, string> {
  if (!info) return {};
  return {
    "ratelimit-limit": String(info.limit),
    "ratelimit-remaining": String(Math.max(0, info.remaining)),
    "ratelimit-reset": String(Math.max(0, Math.ceil((info.resetAt - now) / 1000))),
  };
}

/** whoami's body: the key, its customer, and its balance (null: the key has no credits). */
export function identity(key: VerifiableKey, credits: CreditBalance | null = null) {
  return {
    keyId: key.id,
    tenantId: key.tenantId,
    name: key.name,
    type: key.type,
    environment: key.environment,
    scopes: key.scopes,
    expiresAt: key.expiresAtMs === null ? null : new Date(key.expiresAtMs).toISOString(),
    identity: keyIdentity(key),
    credits,
  };
}

export function keyIdentity({ identity }: VerifiableKey) {
  return identity && { id: identity.id, externalId: identity.externalId, metadata: identity.metadata };
}

export function namedLimitsBody(ratelimits: readonly NamedLimitInfo[]) {
  return ratelimits.map(({ name, limit, remaining, resetAt }) => ({
    name,
    limit,
    remaining,
    reset: resetAt,
  }));
}
