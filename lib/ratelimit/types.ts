import type { MaybePromise } from "@/lib/async/maybe-promise";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Hits still available now: after this one for `consume`, without counting one for `peek`. */
  remaining: number;
  /**
   * Ms epoch. When denied: the moment the next hit will be admitted. When allowed: the moment the
   * whole quota is available again (what a `RateLimit-Reset` header reports).
   */
  resetAt: number;
  /** 0 when allowed, else ≥ 1, integer (the `Retry-After` header). */
  retryAfterSeconds: number;
}

/** One limit among several that a single hit must fit in (see `RateLimiter.consumeAll`). */
export interface Bucket {
  key: string;
  limit: number;
  windowMs: number;
  /** Hits this one request counts for; default 1, 0 reports without spending (see gcra.ts). */
  cost?: number;
}

/** `consumeEach`: the verdict, and each bucket's state in the order asked. */
export interface BucketsResult {
  allowed: boolean;
  /**
   * Admitted: each bucket after the hit. Refused: the refusing buckets' denials, and the others'
   * state untouched (nothing was counted anywhere).
   */
  results: RateLimitResult[];
}

/**
 * Shared by login throttling, per-tenant and per-key verification limits. `limit` hits per
 * `windowMs`, both positive integers; a limit can change between calls for the same key (a tenant
 * raising its quota) and the state carries over sensibly. `now` (ms epoch) defaults to Date.now().
 */
export interface RateLimiter {
  /**
   * Counts one hit against `key` and reports whether it was within `limit` per `windowMs`. An
   * in-process limiter answers with the result itself (the verification hot path makes no promise,
   * see lib/async/maybe-promise.ts), Redis with a promise. Bad arguments throw or reject.
   */
  consume(
    key: string,
    limit: number,
    windowMs: number,
    now?: number,
    cost?: number,
  ): MaybePromise<RateLimitResult>;
  /** Reports the state without counting a hit (e.g. "is this login already blocked?"). */
  peek(key: string, limit: number, windowMs: number, now?: number): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
  /**
   * Counts one hit against every bucket if each has room, and against none otherwise, as one atomic
   * step: concurrent callers can never all pass a check made before the hit is recorded. The
   * result is the denying bucket's (the longest wait), or the first bucket's when allowed.
   */
  consumeAll(buckets: readonly Bucket[], now?: number): Promise<RateLimitResult>;
  /**
   * consumeAll with every bucket's answer (named rate limits report each one): all buckets are
   * charged their cost, or none is, as one atomic step. In-process: answered synchronously.
   */
  consumeEach(buckets: readonly Bucket[], now?: number): MaybePromise<BucketsResult>;
  /** Gives back one hit taken earlier (a reservation that turned out not to count). */
  refund(bucket: Bucket, now?: number): Promise<void>;
}

/** One use of a token with a `jti`: remembered for the key, counted against its tenant's share. */
export interface ReplayRecord {
  tenantId: string;
  keyId: string;
  jti: string;
  /**
   * The last instant (ms epoch) the token could still be accepted — its `exp` plus the clock-skew
   * leeway — or a replay inside the leeway would go unnoticed. A time already past is not kept.
   */
  expiresAtMs: number;
}

/** Which record to look for: the pair, and the tenant whose share it is kept in. */
export type ReplayLookup = Pick<ReplayRecord, "tenantId" | "keyId" | "jti">;

export interface ReplayStore {
  /** True while (keyId, jti) is remembered. Records nothing: for telling a replay in SPEC order. */
  has(lookup: ReplayLookup): Promise<boolean>;
  /**
   * True the first time (keyId, jti) is seen, atomically (two concurrent uses: one true). Called
   * last, once every other check has passed, so a refused request never takes up a record.
   */
  markSeen(record: ReplayRecord): Promise<boolean>;
}
