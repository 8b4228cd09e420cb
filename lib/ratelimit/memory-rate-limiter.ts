import { ExpiringMap, type ExpiringMapOptions } from "./expiring-map";
import { checkCost, gcraParams, gcraResult, longestWait, nextTat, refundedTat, toMicros } from "./gcra";
import type { Bucket, BucketsResult, RateLimiter, RateLimitResult } from "./types";

/**
 * In-process GCRA limiter (see gcra.ts): one number per key, stored in µs and expiring when the
 * bucket is full again, which is exactly when forgetting the key changes nothing. State is per
 * process: with several instances behind a load balancer, each enforces its own limit — configure
 * REDIS_URL to share it.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly #tats: ExpiringMap;

  constructor(options: ExpiringMapOptions = {}) {
    this.#tats = new ExpiringMap(1000, options);
  }

  // The verification hot path's limiter: decided at once, no promise (bad arguments throw).
  consume(key: string, limit: number, windowMs: number, now: number = Date.now(), cost = 1): RateLimitResult {
    const params = gcraParams(limit, windowMs);
    checkCost(cost);
    const nowUs = toMicros(now);
    const stored = this.#tats.get(key, nowUs);
    const result = gcraResult(stored, nowUs, params, true, cost);
    if (result.allowed && cost > 0) this.#tats.set(key, nextTat(stored, nowUs, params, cost), nowUs);
    return result;
  }

  peek(key: string, limit: number, windowMs: number, now: number = Date.now()): Promise<RateLimitResult> {
    try {
      const nowUs = toMicros(now);
      return Promise.resolve(
        gcraResult(this.#tats.get(key, nowUs), nowUs, gcraParams(limit, windowMs), false),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // Synchronous from the first read to the last write, so nothing can interleave: atomic.
  consumeEach(buckets: readonly Bucket[], now: number = Date.now()): BucketsResult {
    const nowUs = toMicros(now);
    const checked = buckets.map((bucket) => {
      const params = gcraParams(bucket.limit, bucket.windowMs);
      const cost = checkCost(bucket.cost ?? 1);
      const stored = this.#tats.get(bucket.key, nowUs);
      return { bucket, params, cost, stored, result: gcraResult(stored, nowUs, params, true, cost) };
    });
    if (checked.some((one) => !one.result.allowed)) {
      return {
        allowed: false,
        results: checked.map((one) =>
          one.result.allowed ? gcraResult(one.stored, nowUs, one.params, true, 0) : one.result,
        ),
      };
    }
    for (const one of checked) {
      if (one.cost > 0)
        this.#tats.set(one.bucket.key, nextTat(one.stored, nowUs, one.params, one.cost), nowUs);
    }
    return { allowed: true, results: checked.map((one) => one.result) };
  }

  consumeAll(buckets: readonly Bucket[], now: number = Date.now()): Promise<RateLimitResult> {
    try {
      return Promise.resolve(longestWait(this.consumeEach(buckets, now)));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  refund(bucket: Bucket, now: number = Date.now()): Promise<void> {
    try {
      const nowUs = toMicros(now);
      const params = gcraParams(bucket.limit, bucket.windowMs);
      const tat = refundedTat(this.#tats.get(bucket.key, nowUs), nowUs, params);
      if (tat === undefined) this.#tats.delete(bucket.key);
      else this.#tats.set(bucket.key, tat, nowUs);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  reset(key: string): Promise<void> {
    this.#tats.delete(key);
    return Promise.resolve();
  }

  /** Keys currently held; for tests and metrics. */
  get size(): number {
    return this.#tats.size;
  }

  close(): void {
    this.#tats.close();
  }
}
