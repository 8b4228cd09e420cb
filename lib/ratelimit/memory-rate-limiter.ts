import { ExpiringMap, type ExpiringMapOptions } from "./expiring-map";
import { gcraParams, gcraResult, nextTat, refundedTat, toMicros } from "./gcra";
import type { Bucket, RateLimiter, RateLimitResult } from "./types";

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
  consume(key: string, limit: number, windowMs: number, now: number = Date.now()): RateLimitResult {
    const params = gcraParams(limit, windowMs);
    const nowUs = toMicros(now);
    const stored = this.#tats.get(key, nowUs);
    const result = gcraResult(stored, nowUs, params, true);
    if (result.allowed) this.#tats.set(key, nextTat(stored, nowUs, params), nowUs);
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
  consumeAll(buckets: readonly Bucket[], now: number = Date.now()): Promise<RateLimitResult> {
    try {
      const nowUs = toMicros(now);
      const checked = buckets.map((bucket) => {
        const params = gcraParams(bucket.limit, bucket.windowMs);
        const stored = this.#tats.get(bucket.key, nowUs);
        return { bucket, params, stored, result: gcraResult(stored, nowUs, params, true) };
      });
      const denied = checked.filter((one) => !one.result.allowed);
      if (denied.length > 0) {
        return Promise.resolve(
          denied.reduce((a, b) => (b.result.retryAfterSeconds > a.result.retryAfterSeconds ? b : a)).result,
        );
      }
      for (const one of checked)
        this.#tats.set(one.bucket.key, nextTat(one.stored, nowUs, one.params), nowUs);
      return Promise.resolve(checked[0]!.result);
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
