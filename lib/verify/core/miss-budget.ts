import { compileIpRanges, type IpRangeMatcher } from "@/lib/ip/ip-range-set";
import type { RateLimiter } from "@/lib/ratelimit/types";
import type { Admission } from "./key-cache";

/**
 * Thrown by an admission when the caller's budget is spent: the look-up is not made, and the route
 * answers 429 RATE_LIMITED with Retry-After (the caller is throttled, not the credential judged).
 */
export class MissBudgetExhausted extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("verification look-up budget exhausted");
  }
}

export type MissBudgetConfig = {
  /** Database look-ups per address per minute; 0 disables the budget. */
  perMinute: number;
  /** Addresses never budgeted (gateways verifying for many end users, the operator's proxies). */
  exempt: readonly string[];
};

const MINUTE_MS = 60_000;
const compiled = new WeakMap<readonly string[], IpRangeMatcher>();

function exemptSet(entries: readonly string[]): IpRangeMatcher {
  let set = compiled.get(entries);
  if (!set) {
    set = compileIpRanges(entries);
    compiled.set(entries, set);
  }
  return set;
}

/**
 * Every credential a caller can invent (a well-formed secret key with a valid CRC-32, a signed key
 * naming any tenant, a JWT naming any key id) costs a database look-up the first time it is seen.
 * Per caller address, such look-ups are budgeted; hits and remembered misses are free, so a client
 * using its real keys never notices. Returns undefined when the caller is not budgeted.
 */
export function missBudgetFor(
  callerIp: string,
  config: MissBudgetConfig,
  limiter: RateLimiter,
  now: () => number = Date.now,
): Admission | undefined {
  if (config.perMinute === 0) return undefined;
  if (config.exempt.length > 0 && exemptSet(config.exempt).contains(callerIp)) return undefined;
  return async () => {
    const spent = await limiter.consume(`miss:${callerIp}`, config.perMinute, MINUTE_MS, now());
    if (!spent.allowed) throw new MissBudgetExhausted(spent.retryAfterSeconds);
  };
}
