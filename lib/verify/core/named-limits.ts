import { andThen, type MaybePromise } from "@/lib/async/maybe-promise";
import type { NamedLimit } from "@/lib/ratelimit/named-limits";
import type { Bucket, BucketsResult, RateLimiter } from "@/lib/ratelimit/types";
import type { NamedLimitInfo, RateLimitInfo, VerifiableKey, VerificationResult } from "./types";

/** A limit POST /api/v1/verify names for this request, with what the request costs against it. */
export type RequestedLimit = { readonly name: string; readonly cost?: number };

type Applied = { limit: NamedLimit; bucket: Bucket };

/**
 * Which named limits this request is checked against: every auto-applied one of the key and of its
 * identity, plus those the request names (at the cost it gives; 1 otherwise). On a name both
 * define, the key's own limit wins (as in Unkey): it is the more specific setting. An identity's
 * limit is one bucket per identity and name, so all its keys draw from it together.
 */
function appliedLimits(key: VerifiableKey, requested: readonly RequestedLimit[]) {
  const byName = new Map<string, { limit: NamedLimit; owner: string }>();
  for (const limit of key.identity?.ratelimits ?? [])
    byName.set(limit.name, { limit, owner: `idn:${key.identity!.id}` });
  for (const limit of key.ratelimits) byName.set(limit.name, { limit, owner: `key:${key.id}` });

  const costs = new Map<string, number>();
  const unknown: string[] = [];
  for (const { name, cost } of requested) {
    if (byName.has(name)) costs.set(name, (costs.get(name) ?? 0) + (cost ?? 1));
    else if (!unknown.includes(name)) unknown.push(name);
  }
  const applied: Applied[] = [];
  for (const [name, { limit, owner }] of byName) {
    const cost = costs.get(name) ?? (limit.autoApply ? 1 : undefined);
    if (cost === undefined) continue;
    applied.push({
      limit,
      bucket: { key: `rl:named:${owner}:${name}`, limit: limit.limit, windowMs: limit.durationMs, cost },
    });
  }
  return { applied, unknown };
}

/** True when the request cannot touch a named limit: the hot path skips the step entirely. */
function nothingToCheck(key: VerifiableKey, requested: readonly RequestedLimit[] | undefined): boolean {
  return (
    key.ratelimits.length === 0 &&
    (key.identity === null || key.identity.ratelimits.length === 0) &&
    (requested === undefined || requested.length === 0)
  );
}

/**
 * The named-limits step of checkAccess (after the per-minute limits, before credits). All the
 * applicable limits are charged together or not at all (`consumeEach`), so a request refused by
 * one does not use up the others. The refused limit with the longest wait sets Retry-After: no
 * earlier retry could pass.
 */
export function checkNamedLimits(
  key: VerifiableKey,
  requested: readonly RequestedLimit[] | undefined,
  limiter: RateLimiter,
  now: number,
  ratelimit: RateLimitInfo | null,
): MaybePromise<VerificationResult> {
  if (nothingToCheck(key, requested)) return { ok: true, key, ratelimit };
  const { applied, unknown } = appliedLimits(key, requested ?? []);
  const unknownRatelimits = unknown.length > 0 ? { unknownRatelimits: unknown } : {};
  if (applied.length === 0) return { ok: true, key, ratelimit, ratelimits: [], ...unknownRatelimits };
  const buckets = applied.map((one) => one.bucket);
  return andThen(limiter.consumeEach(buckets, now), (outcome): VerificationResult => {
    const ratelimits = report(applied, outcome);
    if (outcome.allowed) return { ok: true, key, ratelimit, ratelimits, ...unknownRatelimits };
    let refused = 0;
    outcome.results.forEach((result, i) => {
      const worst = outcome.results[refused]!;
      if (!result.allowed && (worst.allowed || result.retryAfterSeconds > worst.retryAfterSeconds))
        refused = i;
    });
    const denial = outcome.results[refused]!;
    const name = applied[refused]!.limit.name;
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `Rate limit "${name}" exceeded. Try again in ${denial.retryAfterSeconds} seconds.`,
      details: { retryAfter: denial.retryAfterSeconds, ratelimit: name },
      key,
      ratelimit: ratelimits[refused],
      ratelimits,
    };
  });
}

function report(applied: readonly Applied[], outcome: BucketsResult): NamedLimitInfo[] {
  return applied.map(({ limit }, i) => {
    const result = outcome.results[i]!;
    return { name: limit.name, limit: result.limit, remaining: result.remaining, resetAt: result.resetAt };
  });
}
