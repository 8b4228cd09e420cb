import { createHash } from "node:crypto";
import type { RateLimiter } from "@/lib/ratelimit/types";

/**
 * Failed-login throttling, per account and per client address (GCRA: a burst of `limit` failures,
 * then one more attempt per `windowMs / limit`). Only failures count, so a user who
 * types the right password is never locked out by their own successes; an attacker spreading guesses
 * over many accounts from one address is stopped by the address limit.
 */
export const LOGIN_LIMITS = {
  account: { limit: 5, windowMs: 15 * 60_000 },
  address: { limit: 20, windowMs: 15 * 60_000 },
} as const;

function accountKey(email: string): string {
  // Hashed so emails do not sit in Redis in clear.
  return `login:acct:${createHash("sha256").update(email.toLowerCase()).digest("base64url")}`;
}

function addressKey(ip: string): string {
  return `login:ip:${ip}`;
}

/** Seconds until another attempt is allowed, or 0 when the caller may try now. */
export async function loginBlockedFor(limiter: RateLimiter, email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([
    limiter.peek(accountKey(email), LOGIN_LIMITS.account.limit, LOGIN_LIMITS.account.windowMs),
    limiter.peek(addressKey(ip), LOGIN_LIMITS.address.limit, LOGIN_LIMITS.address.windowMs),
  ]);
  return Math.max(
    account.allowed ? 0 : account.retryAfterSeconds,
    address.allowed ? 0 : address.retryAfterSeconds,
  );
}

export async function recordLoginFailure(limiter: RateLimiter, email: string, ip: string): Promise<void> {
  await Promise.all([
    limiter.consume(accountKey(email), LOGIN_LIMITS.account.limit, LOGIN_LIMITS.account.windowMs),
    limiter.consume(addressKey(ip), LOGIN_LIMITS.address.limit, LOGIN_LIMITS.address.windowMs),
  ]);
}

export async function recordLoginSuccess(limiter: RateLimiter, email: string): Promise<void> {
  await limiter.reset(accountKey(email));
}
