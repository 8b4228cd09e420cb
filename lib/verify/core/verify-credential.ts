import { andThen, type MaybePromise } from "@/lib/async/maybe-promise";
import { errorMessage } from "@/lib/errors/codes";
import { missingScopes } from "@/lib/keys/scopes";
import type { RateLimiter, RateLimitResult, ReplayStore } from "@/lib/ratelimit/types";
import { type AuthDeps, type Authenticated, type AuthFailure, authenticate } from "./authenticate";
import { checkNamedLimits, type RequestedLimit } from "./named-limits";
import { spendCredits } from "./spend-credits";
import type { CreditLedger, RateLimitInfo, VerifiableKey, VerificationResult } from "./types";

export type VerifyRequest = {
  credential: string | null;
  /** The address to check the allowlist against (the peer, or what a gateway reports). */
  clientIp: string;
  /** Who is asking (the peer; for POST /api/v1/verify, the gateway): what the miss budget counts. */
  callerIp?: string;
  environment?: "live" | "test";
  scopes?: readonly string[];
  /** Credits this verification spends (0–1000, default 1); only keys with credits pay it. */
  cost?: number;
  /** POST /api/v1/verify: named limits to check besides the auto-applied ones, with their costs. */
  ratelimits?: readonly RequestedLimit[];
  /** For the verification log only (issue 14): which route asked, and whoami's User-Agent. */
  route?: "whoami" | "verify";
  userAgent?: string | null;
};

/** `credits`: needed only when a key has credits (the core asks nothing of it otherwise). */
export type VerifyDeps = AuthDeps & {
  rateLimiter: RateLimiter;
  replayStore: ReplayStore;
  credits?: CreditLedger;
};

const MINUTE_MS = 60_000;

function info(result: RateLimitResult): RateLimitInfo {
  return { limit: result.limit, remaining: result.remaining, resetAt: result.resetAt };
}

/**
 * The tenant's budget, then the key's own (if it has one); the tighter one is reported. A tenant
 * with no limit has no bucket at all: nothing is asked of Redis or memory for it. Null: no limit.
 */
function consumeRateLimits(key: VerifiableKey, deps: VerifyDeps): MaybePromise<RateLimitResult | null> {
  const tenantLimit = key.tenant.rateLimitPerMinute;
  const tenant =
    tenantLimit === null
      ? null
      : deps.rateLimiter.consume(`rl:tenant:${key.tenantId}`, tenantLimit, MINUTE_MS, deps.now);
  if (key.rateLimitPerMinute === null) return tenant;
  const ownLimit = key.rateLimitPerMinute;
  return andThen(tenant, (spent) => {
    if (spent?.allowed === false) return spent;
    return andThen(deps.rateLimiter.consume(`rl:key:${key.id}`, ownLimit, MINUTE_MS, deps.now), (own) =>
      spent === null || !own.allowed || own.remaining < spent.remaining ? own : spent,
    );
  });
}

/**
 * SPEC §3 in order: credential → key (format, look-up, revocation, signature) → expiry → replay →
 * IP allowlist → environment → scopes → rate limit → credits. Returns data; the route picks the status.
 * A cached secret key with in-process stores is decided synchronously (lib/async/maybe-promise.ts).
 */
export function verifyCredential(request: VerifyRequest, deps: VerifyDeps): MaybePromise<VerificationResult> {
  return andThen(authenticate(request.credential, deps), (auth) => checkKey(auth, request, deps));
}

function checkKey(auth: Authenticated | AuthFailure, request: VerifyRequest, deps: VerifyDeps) {
  if (!auth.ok) return auth;
  const { key } = auth;

  if (key.expiresAtMs !== null && key.expiresAtMs <= deps.now) {
    const expiredAt = new Date(key.expiresAtMs).toISOString();
    return {
      ok: false,
      code: "API_KEY_EXPIRED",
      message: errorMessage("API_KEY_EXPIRED"),
      details: { expiredAt },
      key,
    } satisfies VerificationResult;
  }
  const jti = auth.jwt?.jti;
  return jti === undefined || !auth.jwt
    ? checkAccess(key, request, deps)
    : checkAccessOnce(key, { jti, exp: auth.jwt.exp }, request, deps);
}

/**
 * Step 4 is told here, in SPEC order, but only looked at: the record is written at the very end,
 * so a request refused by a later check (IP, environment, scope, rate limit) takes up none.
 */
async function checkAccessOnce(
  key: VerifiableKey,
  token: { jti: string; exp: number },
  request: VerifyRequest,
  deps: VerifyDeps,
): Promise<VerificationResult> {
  if (await deps.replayStore.has({ tenantId: key.tenantId, keyId: key.id, jti: token.jti }))
    return replayed(key);
  const result = await checkAccess(key, request, deps);
  if (!result.ok) return result;
  // Remembered until the token could no longer be accepted anyway: exp plus the clock leeway.
  // Atomic: of two concurrent uses that both passed the look above, exactly one gets here first.
  const fresh = await deps.replayStore.markSeen({
    tenantId: key.tenantId,
    keyId: key.id,
    jti: token.jti,
    expiresAtMs: (token.exp + deps.leewaySeconds) * 1000,
  });
  return fresh ? result : replayed(key);
}

/** IP allowlist → environment → scopes → rate limits (tenant, key, then named ones) → credits (last: a refused request spends none). */
function checkAccess(
  key: VerifiableKey,
  request: VerifyRequest,
  deps: VerifyDeps,
): MaybePromise<VerificationResult> {
  if (!key.allowlist.contains(request.clientIp)) {
    return {
      ok: false,
      code: "IP_NOT_ALLOWED",
      message: errorMessage("IP_NOT_ALLOWED"),
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

  if (request.scopes && request.scopes.length > 0) {
    const missing = missingScopes(key.scopes, request.scopes);
    if (missing.length > 0) {
      return {
        ok: false,
        code: "INSUFFICIENT_SCOPE",
        message: `Insufficient permissions. Required: ${missing.join(", ")}`,
        details: { required: missing },
        key,
      };
    }
  }

  return andThen(consumeRateLimits(key, deps), (limited): MaybePromise<VerificationResult> => {
    if (limited !== null && !limited.allowed) return rateLimited(key, limited);
    const ratelimit = limited === null ? null : info(limited);
    const named = checkNamedLimits(key, request.ratelimits, deps.rateLimiter, deps.now, ratelimit);
    // A key without credits stays on the synchronous path: no ledger, no promise.
    if (key.credits === null) return named;
    return andThen(named, (passed) =>
      passed.ok ? spendCredits(key, request.cost ?? 1, passed, deps) : passed,
    );
  });
}

function rateLimited(key: VerifiableKey, limited: RateLimitResult): VerificationResult {
  return {
    ok: false,
    code: "RATE_LIMITED",
    message: `Rate limit exceeded. Try again in ${limited.retryAfterSeconds} seconds.`,
    details: { retryAfter: limited.retryAfterSeconds },
    key,
    ratelimit: info(limited),
  };
}

function replayed(key: VerifiableKey): VerificationResult {
  return { ok: false, code: "TOKEN_REPLAYED", message: errorMessage("TOKEN_REPLAYED"), key };
}
