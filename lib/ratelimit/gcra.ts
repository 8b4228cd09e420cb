import type { BucketsResult, RateLimitResult } from "./types";

/**
 * The algorithm behind every limiter here: GCRA (generic cell rate algorithm), i.e. a token bucket
 * of `limit` tokens refilled at `limit / windowMs`, stored as one number per key — the "theoretical
 * arrival time" (TAT): the moment the bucket would be full again. A hit is admitted when, after
 * adding one emission interval (windowMs / limit) to the TAT, the TAT is at most one window ahead
 * of now. O(1) time, one number of state, one Redis round trip.
 *
 * Why not fixed or sliding-window counters: all three admit up to about 2 × limit in the worst
 * window (a burst at the end of one window and another right after), but only GCRA gives an exact
 * Retry-After that never exceeds the window. A weighted sliding-window counter can ask a client to
 * wait up to twice the window (limit 1: a hit at the start of a window is still counted in full at
 * the start of the next), and fixed windows unblock everybody at the same instant.
 *
 * Time is in integer microseconds so that the arithmetic is exact in doubles (and in Redis Lua,
 * whose numbers are doubles): a 2025 epoch in µs is ~1.7e15, below 2^53. The emission interval is
 * rounded down to whole µs and the capacity defined as limit × interval, so a full burst of `limit`
 * is always admitted and the long-run rate errs by less than 1 µs per hit.
 */

export interface GcraParams {
  readonly limit: number;
  readonly intervalUs: number;
  readonly capacityUs: number;
}

export function gcraParams(limit: number, windowMs: number): GcraParams {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`rate limit must be ≥ 1, got ${limit}`);
  if (!Number.isSafeInteger(windowMs) || windowMs < 1) {
    throw new RangeError(`rate limit window must be ≥ 1 ms, got ${windowMs}`);
  }
  const intervalUs = Math.max(1, Math.floor((windowMs * 1000) / limit));
  return { limit, intervalUs, capacityUs: intervalUs * limit };
}

export function toMicros(nowMs: number): number {
  return Math.floor(nowMs) * 1000;
}

/** A hit's cost: a whole number of hits, 0 allowed (see `gcraResult`). */
export function checkCost(cost: number): number {
  if (!Number.isSafeInteger(cost) || cost < 0)
    throw new RangeError(`rate limit cost must be ≥ 0, got ${cost}`);
  return cost;
}

/**
 * The result of a hit (`consume`) or a look (`peek`) at `nowUs` against the stored TAT. For an
 * admitted consume the caller stores `nextTat(stored, now, p, cost)`; nothing is stored for a
 * denial, so a client hammering a closed limit does not push its own reopening further away.
 *
 * A consume of `cost` hits needs room for all of them at once. Cost 0 spends nothing and is never
 * refused: it reports the state (remaining may be 0), where `peek` asks whether one more hit fits.
 */
export function gcraResult(
  storedTatUs: number | undefined,
  nowUs: number,
  p: GcraParams,
  consume: boolean,
  cost = 1,
): RateLimitResult {
  const tat = storedTatUs !== undefined && storedTatUs > nowUs ? storedTatUs : nowUs;
  const nowMs = nowUs / 1000;
  const needUs = (consume ? cost : 1) * p.intervalUs;
  if (tat + needUs - nowUs > p.capacityUs) {
    const admitAtUs = tat + needUs - p.capacityUs;
    return {
      allowed: false,
      limit: p.limit,
      remaining: 0,
      resetAt: Math.ceil(admitAtUs / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((admitAtUs - nowUs) / 1_000_000)),
    };
  }
  const after = consume ? tat + needUs : tat;
  return {
    allowed: true,
    limit: p.limit,
    remaining: Math.floor((nowUs + p.capacityUs - after) / p.intervalUs),
    resetAt: Math.max(nowMs, Math.ceil(after / 1000)),
    retryAfterSeconds: 0,
  };
}

export function nextTat(storedTatUs: number | undefined, nowUs: number, p: GcraParams, cost = 1): number {
  return (storedTatUs !== undefined && storedTatUs > nowUs ? storedTatUs : nowUs) + cost * p.intervalUs;
}

/** The TAT after giving one hit back, or undefined when the bucket is then full (forget the key). */
export function refundedTat(
  storedTatUs: number | undefined,
  nowUs: number,
  p: GcraParams,
): number | undefined {
  if (storedTatUs === undefined) return undefined;
  const tat = storedTatUs - p.intervalUs;
  return tat > nowUs ? tat : undefined;
}

/** consumeAll's answer: the denying bucket with the longest wait, or the first bucket when admitted. */
export function longestWait({ allowed, results }: BucketsResult): RateLimitResult {
  if (allowed) return results[0]!;
  return results
    .filter((result) => !result.allowed)
    .reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
}
