import { attempt, type MaybePromise } from "@/lib/async/maybe-promise";
import type { Bucket, BucketsResult, RateLimiter, RateLimitResult } from "./types";

export type FallbackStats = { redisErrors: number; fallbacks: number };

/**
 * Rate limits fail open to this process's own limits while Redis is away (docs/decisions.md): a
 * cache outage must not refuse every customer's API calls, and each instance still enforces the
 * full limit by itself, so N instances admit at most N× the limit until Redis is back.
 *
 * While the connection is known to be down, Redis is not even asked (no wait per request); a
 * command that fails on a connection believed up falls back for that call only.
 */
export class FallbackRateLimiter implements RateLimiter {
  constructor(
    private readonly primary: RateLimiter,
    private readonly fallback: RateLimiter,
    private readonly primaryReady: () => boolean,
    readonly stats: FallbackStats = { redisErrors: 0, fallbacks: 0 },
  ) {}

  consume(
    key: string,
    limit: number,
    windowMs: number,
    now?: number,
    cost?: number,
  ): MaybePromise<RateLimitResult> {
    return this.#call((limiter) => limiter.consume(key, limit, windowMs, now, cost));
  }

  peek(key: string, limit: number, windowMs: number, now?: number): Promise<RateLimitResult> {
    return this.#settled((limiter) => limiter.peek(key, limit, windowMs, now));
  }

  /** Login throttling's atomic reservation: all buckets on one side, never split across both. */
  consumeAll(buckets: readonly Bucket[], now?: number): Promise<RateLimitResult> {
    return this.#settled((limiter) => limiter.consumeAll(buckets, now));
  }

  /** Named rate limits: like consumeAll, all buckets on one side. */
  consumeEach(buckets: readonly Bucket[], now?: number): MaybePromise<BucketsResult> {
    return this.#call((limiter) => limiter.consumeEach(buckets, now));
  }

  refund(bucket: Bucket, now?: number): Promise<void> {
    return this.#settled((limiter) => limiter.refund(bucket, now));
  }

  #call<T>(run: (limiter: RateLimiter) => MaybePromise<T>): MaybePromise<T> {
    if (!this.primaryReady()) return run(this.#fallback());
    return attempt(
      () => run(this.primary),
      (error) => {
        this.#failed(error);
        return run(this.fallback);
      },
    );
  }

  #settled<T>(run: (limiter: RateLimiter) => Promise<T>): Promise<T> {
    return Promise.resolve(this.#call(run));
  }

  async reset(key: string): Promise<void> {
    await this.fallback.reset(key);
    if (!this.primaryReady()) return;
    await this.primary.reset(key).catch((error: unknown) => this.#failed(error));
  }

  #fallback(): RateLimiter {
    this.stats.fallbacks++;
    return this.fallback;
  }

  #failed(error: unknown): void {
    // Bad arguments are the caller's bug, not an outage: they must not be masked.
    if (error instanceof RangeError || error instanceof TypeError) throw error;
    this.stats.redisErrors++;
    this.stats.fallbacks++;
  }
}
