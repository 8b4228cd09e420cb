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
}

/**
 * Shared by login throttling, per-tenant and per-key verification limits. `limit` hits per
 * `windowMs`, both positive integers; a limit can change between calls for the same key (a tenant
 * raising its quota) and the state carries over sensibly. `now` (ms epoch) defaults to Date.now().
 */
export interface RateLimiter {
  /** Counts one hit against `key` and reports whether it was within `limit` per `windowMs`. */
  consume(key: string, limit: number, windowMs: number, now?: number): Promise<RateLimitResult>;
  /** Reports the state without counting a hit (e.g. "is this login already blocked?"). */
  peek(key: string, limit: number, windowMs: number, now?: number): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
  /**
   * Counts one hit against every bucket if each has room, and against none otherwise, as one atomic
   * step: concurrent callers can never all pass a check made before the hit is recorded. The
   * result is the denying bucket's (the longest wait), or the first bucket's when allowed.
   */
  consumeAll(buckets: readonly Bucket[], now?: number): Promise<RateLimitResult>;
  /** Gives back one hit taken earlier (a reservation that turned out not to count). */
  refund(bucket: Bucket, now?: number): Promise<void>;
}

export interface ReplayStore {
  /**
   * True the first time (keyId, jti) is seen; remembered until expiresAtMs. Pass the last instant
   * the token could still be accepted — its `exp` plus the clock-skew leeway — or a replay inside
   * the leeway would go unnoticed. An expiry already in the past is not remembered.
   */
  markSeen(keyId: string, jti: string, expiresAtMs: number): Promise<boolean>;
}
