import { createHash } from "node:crypto";
import type { Bucket, RateLimiter } from "@/lib/ratelimit/types";

/**
 * Failed-login throttling (GCRA: a burst of `limit` failures, then one more attempt per
 * `windowMs / limit`), in three buckets:
 * - account + address, 5 per 15 min: the guesser at one account from one address;
 * - address, 20 per 15 min: one address spraying guesses across many accounts;
 * - account, 50 per 15 min: a ceiling for guesses at one account from many addresses.
 * The owner signing in from another address right after an attack is therefore not locked out:
 * only the account ceiling is shared, it is ten times the per-address budget, and once spent it
 * admits another attempt every 18 s. An attempt is reserved in all three before the password is
 * checked (one atomic step), and given back when the password was right, so only failures count
 * and concurrent guesses cannot all slip past a check made before their failures are recorded.
 */
export const LOGIN_LIMITS = {
  accountAddress: { limit: 5, windowMs: 15 * 60_000 },
  address: { limit: 20, windowMs: 15 * 60_000 },
  account: { limit: 50, windowMs: 15 * 60_000 },
} as const;

function accountHash(email: string): string {
  // Hashed so emails do not sit in Redis in clear.
  return createHash("sha256").update(email.toLowerCase()).digest("base64url");
}

function buckets(email: string, ip: string) {
  const account = accountHash(email);
  return {
    accountAddress: { key: `login:acct-ip:${account}:${ip}`, ...LOGIN_LIMITS.accountAddress },
    address: { key: `login:ip:${ip}`, ...LOGIN_LIMITS.address },
    account: { key: `login:acct:${account}`, ...LOGIN_LIMITS.account },
  } satisfies Record<string, Bucket>;
}

/** Seconds until another attempt is allowed, or 0 when the caller may try now. Counts nothing. */
export async function loginBlockedFor(limiter: RateLimiter, email: string, ip: string): Promise<number> {
  const results = await Promise.all(
    Object.values(buckets(email, ip)).map((b) => limiter.peek(b.key, b.limit, b.windowMs)),
  );
  return Math.max(0, ...results.map((r) => (r.allowed ? 0 : r.retryAfterSeconds)));
}

/** Takes one attempt from every bucket, or none: 0 when reserved, else seconds to wait. */
export async function reserveLoginAttempt(limiter: RateLimiter, email: string, ip: string): Promise<number> {
  const result = await limiter.consumeAll(Object.values(buckets(email, ip)));
  return result.allowed ? 0 : result.retryAfterSeconds;
}

/**
 * After the check: a failure keeps its reservation. A success gives it back (and clears this
 * address's failures at the account); an attempt never evaluated (the server was busy) gives back all.
 */
export async function settleLoginAttempt(
  limiter: RateLimiter,
  email: string,
  ip: string,
  outcome: "failure" | "success" | "not_evaluated",
): Promise<void> {
  if (outcome === "failure") return;
  const b = buckets(email, ip);
  await Promise.all([
    outcome === "success" ? limiter.reset(b.accountAddress.key) : limiter.refund(b.accountAddress),
    limiter.refund(b.address),
    limiter.refund(b.account),
  ]);
}
