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
 * Second-factor codes are throttled the same way, in buckets of their own keyed by the user
 * (`throttledAttempt`): a right password does not buy more guesses at the code.
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

type Buckets = { accountAddress: Bucket; address: Bucket; account: Bucket };

function throttleBuckets(kind: "login" | "mfa", account: string, ip: string): Buckets {
  return {
    accountAddress: { key: `${kind}:acct-ip:${account}:${ip}`, ...LOGIN_LIMITS.accountAddress },
    address: { key: `${kind}:ip:${ip}`, ...LOGIN_LIMITS.address },
    account: { key: `${kind}:acct:${account}`, ...LOGIN_LIMITS.account },
  };
}

const buckets = (email: string, ip: string) => throttleBuckets("login", accountHash(email), ip);
/** User ids are not personal data and are case-sensitive, so they are used as they are. */
const codeBuckets = (userId: string, ip: string) => throttleBuckets("mfa", userId, ip);

/** Seconds until another attempt is allowed, or 0 when the caller may try now. Counts nothing. */
export async function loginBlockedFor(limiter: RateLimiter, email: string, ip: string): Promise<number> {
  const results = await Promise.all(
    Object.values(buckets(email, ip)).map((b) => limiter.peek(b.key, b.limit, b.windowMs)),
  );
  return Math.max(0, ...results.map((r) => (r.allowed ? 0 : r.retryAfterSeconds)));
}

async function reserve(limiter: RateLimiter, b: Buckets): Promise<number> {
  const result = await limiter.consumeAll(Object.values(b));
  return result.allowed ? 0 : result.retryAfterSeconds;
}

/** Takes one attempt from every bucket, or none: 0 when reserved, else seconds to wait. */
export function reserveLoginAttempt(limiter: RateLimiter, email: string, ip: string): Promise<number> {
  return reserve(limiter, buckets(email, ip));
}

type Outcome = "failure" | "success" | "not_evaluated";

/**
 * After the check: a failure keeps its reservation. A success gives it back (and clears this
 * address's failures at the account); an attempt never evaluated (the server was busy) gives back all.
 */
export function settleLoginAttempt(
  limiter: RateLimiter,
  email: string,
  ip: string,
  outcome: Outcome,
): Promise<void> {
  return settle(limiter, buckets(email, ip), outcome);
}

async function settle(limiter: RateLimiter, b: Buckets, outcome: Outcome): Promise<void> {
  if (outcome === "failure") return;
  await Promise.all([
    outcome === "success" ? limiter.reset(b.accountAddress.key) : limiter.refund(b.accountAddress),
    limiter.refund(b.address),
    limiter.refund(b.account),
  ]);
}

/**
 * One throttled attempt: reserved before `check` runs, kept when it answers null (wrong), given back
 * when it answers a value (right) or throws (never evaluated). Answers the seconds to wait instead
 * when no attempt could be reserved.
 */
export async function throttledAttempt<T>(
  limiter: RateLimiter,
  who: { email: string } | { userId: string },
  ip: string,
  check: () => Promise<T | null>,
): Promise<{ blockedFor: number } | { result: T | null }> {
  const b = "email" in who ? buckets(who.email, ip) : codeBuckets(who.userId, ip);
  const blockedFor = await reserve(limiter, b);
  if (blockedFor > 0) return { blockedFor };
  let result: T | null;
  try {
    result = await check();
  } catch (error) {
    await settle(limiter, b, "not_evaluated");
    throw error;
  }
  await settle(limiter, b, result === null ? "failure" : "success");
  return { result };
}
