import { missingScopes } from "@/lib/keys/scopes";
import type { RateLimiter, RateLimitResult, ReplayStore } from "@/lib/ratelimit/types";
import { type AuthDeps, authenticate } from "./authenticate";
import { VERIFICATION_MESSAGES } from "./messages";
import type { RateLimitInfo, VerifiableKey, VerificationResult } from "./types";

export type VerifyRequest = {
  credential: string | null;
  /** The address to check the allowlist against (the peer, or what a gateway reports). */
  clientIp: string;
  /** Who is asking (the peer; for POST /api/v1/verify, the gateway): what the miss budget counts. */
  callerIp?: string;
  environment?: "live" | "test";
  scopes?: readonly string[];
};

export type VerifyDeps = AuthDeps & { rateLimiter: RateLimiter; replayStore: ReplayStore };

const MINUTE_MS = 60_000;

function info(result: RateLimitResult): RateLimitInfo {
  return { limit: result.limit, remaining: result.remaining, resetAt: result.resetAt };
}

/**
 * The tenant's budget, then the key's own (if it has one); the tighter one is reported. A tenant
 * with no limit has no bucket at all: nothing is asked of Redis or memory for it. Null: no limit.
 */
async function consumeRateLimits(key: VerifiableKey, deps: VerifyDeps): Promise<RateLimitResult | null> {
  const tenantLimit = key.tenant.rateLimitPerMinute;
  const tenant =
    tenantLimit === null
      ? null
      : await deps.rateLimiter.consume(`rl:tenant:${key.tenantId}`, tenantLimit, MINUTE_MS, deps.now);
  if (tenant?.allowed === false || key.rateLimitPerMinute === null) return tenant;
  const own = await deps.rateLimiter.consume(`rl:key:${key.id}`, key.rateLimitPerMinute, MINUTE_MS, deps.now);
  return tenant === null || !own.allowed || own.remaining < tenant.remaining ? own : tenant;
}

/**
 * SPEC §3 in order: credential → key (format, look-up, revocation, signature) → expiry → replay →
 * IP allowlist → environment → scopes → rate limit. Returns data; the route picks the status.
 */
export async function verifyCredential(
  request: VerifyRequest,
  deps: VerifyDeps,
): Promise<VerificationResult> {
  const auth = await authenticate(request.credential, deps);
  if (!auth.ok) return auth;
  const { key } = auth;

  if (key.expiresAtMs !== null && key.expiresAtMs <= deps.now) {
    const expiredAt = new Date(key.expiresAtMs).toISOString();
    return {
      ok: false,
      code: "API_KEY_EXPIRED",
      message: VERIFICATION_MESSAGES.API_KEY_EXPIRED,
      details: { expiredAt },
      key,
    };
  }

  // Step 4 is told here, in SPEC order, but only looked at: the record is written at the very end,
  // so a request refused by a later check (IP, environment, scope, rate limit) takes up none.
  const jti = auth.jwt?.jti;
  if (jti !== undefined && (await deps.replayStore.has({ tenantId: key.tenantId, keyId: key.id, jti })))
    return replayed(key);

  if (!key.allowlist.contains(request.clientIp)) {
    return {
      ok: false,
      code: "IP_NOT_ALLOWED",
      message: VERIFICATION_MESSAGES.IP_NOT_ALLOWED,
      details: { clientIp: request.clientIp },
      key,
    };
  }

  if (request.environment && request.environment !== key.environment) {
    return {
      ok: false,
      code: "ENVIRONMENT_MISMATCH",
      message: `This is a ${key.environment} key; the request asked for ${request.environment}.`,
      details: { keyEnvironment: key.environment, requested: request.environment },
      key,
    };
  }

  const missing = missingScopes(key.scopes, request.scopes ?? []);
  if (missing.length > 0) {
    return {
      ok: false,
      code: "INSUFFICIENT_SCOPE",
      message: `Insufficient permissions. Required: ${missing.join(", ")}`,
      details: { required: missing },
      key,
    };
  }

  const limited = await consumeRateLimits(key, deps);
  if (limited && !limited.allowed) {
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `Rate limit exceeded. Try again in ${limited.retryAfterSeconds} seconds.`,
      details: { retryAfter: limited.retryAfterSeconds },
      key,
      ratelimit: info(limited),
    };
  }
  if (jti !== undefined && auth.jwt) {
    // Remembered until the token could no longer be accepted anyway: exp plus the clock leeway.
    // Atomic: of two concurrent uses that both passed the look above, exactly one gets here first.
    const expiresAtMs = (auth.jwt.exp + deps.leewaySeconds) * 1000;
    const fresh = await deps.replayStore.markSeen({
      tenantId: key.tenantId,
      keyId: key.id,
      jti,
      expiresAtMs,
    });
    if (!fresh) return replayed(key);
  }
  return { ok: true, key, ratelimit: limited && info(limited) };
}

function replayed(key: VerifiableKey): VerificationResult {
  return { ok: false, code: "TOKEN_REPLAYED", message: VERIFICATION_MESSAGES.TOKEN_REPLAYED, key };
}
