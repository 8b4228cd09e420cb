import type { Redis } from "ioredis";
import { checkCost, gcraParams, gcraResult, longestWait, toMicros } from "./gcra";
import { RedisScript } from "./redis-script";
import type { Bucket, BucketsResult, RateLimiter, RateLimitResult } from "./types";

/**
 * GCRA in one atomic script (see gcra.ts for the algorithm): read the TAT, admit the hit if it fits,
 * store the new TAT with a TTL that ends when the bucket is full again, and return the TAT before
 * the hit so that the TypeScript side computes the same decision and the result fields — the
 * decision rule lives in both places and must stay identical.
 *
 * The TTL is at least a second: with a large limit (100 000/min is one hit per 600 µs) the exact
 * TTL can be a millisecond, so a key could expire between two hits that arrive on instances whose
 * clocks differ slightly, or on a busy machine. Keeping a stale TAT longer changes no decision
 * (a TAT in the past counts as now).
 *
 * All numbers are integer µs, formatted with %.0f: Lua's default number-to-string conversion keeps
 * 14 significant digits, which would round a µs timestamp. The TTL is relative (PX), so it does not
 * depend on the Redis server's clock agreeing with ours; it runs one second past the moment the
 * bucket is full again, because a TAT kept a little too long is harmless (a past TAT counts as
 * "now") while one dropped too early — a 1 ms TTL at 100 000 hits a minute, against an instance
 * whose clock lags — would admit hits that should wait.
 */
const CONSUME = new RedisScript(`
local now = tonumber(ARGV[1])
local need = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
local tat = tonumber(redis.call("GET", KEYS[1]) or "") or now
if tat < now then tat = now end
if need > 0 and tat + need - now <= capacity then
  local next_tat = tat + need
  local ttl_ms = math.ceil((next_tat - now) / 1000) + 1000
  redis.call("SET", KEYS[1], string.format("%.0f", next_tat), "PX", string.format("%.0f", ttl_ms))
end
return string.format("%.0f", tat)
`);

/**
 * consumeAll / consumeEach: every bucket is read first and written only if all admit their cost,
 * inside one script, so Redis runs it as one step. Returns each bucket's TAT before the hit, as
 * CONSUME does. `need` is cost × interval: a cost-0 bucket is read, never written.
 */
const CONSUME_ALL = new RedisScript(`
local now = tonumber(ARGV[1])
local tats = {}
local admit = true
for i = 1, #KEYS do
  local need = tonumber(ARGV[2 * i])
  local capacity = tonumber(ARGV[2 * i + 1])
  local tat = tonumber(redis.call("GET", KEYS[i]) or "") or now
  if tat < now then tat = now end
  tats[i] = tat
  if tat + need - now > capacity then admit = false end
end
local out = {}
for i = 1, #KEYS do
  local need = tonumber(ARGV[2 * i])
  if admit and need > 0 then
    local next_tat = tats[i] + need
    local ttl_ms = math.ceil((next_tat - now) / 1000) + 1000
    redis.call("SET", KEYS[i], string.format("%.0f", next_tat), "PX", string.format("%.0f", ttl_ms))
  end
  out[i] = string.format("%.0f", tats[i])
end
return out
`);

/** refund: one emission interval back; a bucket that is full again is forgotten. */
const REFUND = new RedisScript(`
local now = tonumber(ARGV[1])
local tat = tonumber(redis.call("GET", KEYS[1]) or "")
if not tat then return 0 end
tat = tat - tonumber(ARGV[2])
if tat <= now then
  redis.call("DEL", KEYS[1])
else
  local ttl_ms = math.ceil((tat - now) / 1000)
  redis.call("SET", KEYS[1], string.format("%.0f", tat), "PX", string.format("%.0f", ttl_ms))
end
return 1
`);

function parseTat(reply: unknown): number | undefined {
  if (reply === null) return undefined;
  const tat = typeof reply === "string" ? Number(reply) : Number.NaN;
  if (!Number.isSafeInteger(tat)) throw new Error("rate limiter: unexpected reply from Redis");
  return tat;
}

/**
 * Shares limits across every instance using the same Redis and prefix. Redis errors (down,
 * timeout) reject; whether to fail open or closed is the caller's policy, not the store's.
 * Each instance uses its own clock for `now`, so instances should run NTP.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async consume(
    key: string,
    limit: number,
    windowMs: number,
    now: number = Date.now(),
    cost = 1,
  ): Promise<RateLimitResult> {
    const params = gcraParams(limit, windowMs);
    checkCost(cost);
    const nowUs = toMicros(now);
    const reply = await CONSUME.run(
      this.redis,
      [this.#key(key)],
      [nowUs, cost * params.intervalUs, params.capacityUs],
    );
    return gcraResult(parseTat(reply), nowUs, params, true, cost);
  }

  async peek(
    key: string,
    limit: number,
    windowMs: number,
    now: number = Date.now(),
  ): Promise<RateLimitResult> {
    const params = gcraParams(limit, windowMs);
    const nowUs = toMicros(now);
    return gcraResult(parseTat(await this.redis.get(this.#key(key))), nowUs, params, false);
  }

  async consumeAll(buckets: readonly Bucket[], now: number = Date.now()): Promise<RateLimitResult> {
    return longestWait(await this.consumeEach(buckets, now));
  }

  async consumeEach(buckets: readonly Bucket[], now: number = Date.now()): Promise<BucketsResult> {
    const nowUs = toMicros(now);
    const params = buckets.map((bucket) => gcraParams(bucket.limit, bucket.windowMs));
    const costs = buckets.map((bucket) => checkCost(bucket.cost ?? 1));
    const reply = await CONSUME_ALL.run(
      this.redis,
      buckets.map((bucket) => this.#key(bucket.key)),
      [nowUs, ...params.flatMap((p, i) => [costs[i]! * p.intervalUs, p.capacityUs])],
    );
    if (!Array.isArray(reply) || reply.length !== buckets.length)
      throw new Error("rate limiter: unexpected reply from Redis");
    // The same decision rule as the script: admitted only if every bucket admits.
    const tats = reply.map(parseTat);
    const results = tats.map((tat, i) => gcraResult(tat, nowUs, params[i]!, true, costs[i]));
    if (results.every((result) => result.allowed)) return { allowed: true, results };
    return {
      allowed: false,
      results: results.map((result, i) =>
        result.allowed ? gcraResult(tats[i], nowUs, params[i]!, true, 0) : result,
      ),
    };
  }

  async refund(bucket: Bucket, now: number = Date.now()): Promise<void> {
    const params = gcraParams(bucket.limit, bucket.windowMs);
    await REFUND.run(this.redis, [this.#key(bucket.key)], [toMicros(now), params.intervalUs]);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.#key(key));
  }

  #key(key: string): string {
    return `${this.keyPrefix}rl:${key}`;
  }
}
