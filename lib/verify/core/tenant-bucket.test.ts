import { describe, expect, it } from "vitest";
import { generateSecretKey } from "@/lib/keys/secret-key";
import { MemoryRateLimiter } from "@/lib/ratelimit/memory-rate-limiter";
import { MemoryReplayStore } from "@/lib/ratelimit/memory-replay-store";
import type { RateLimiter } from "@/lib/ratelimit/types";
import { fakeVerifiableKey } from "@/test/verifiable-key";
import { verifyCredential } from "./verify-credential";

// Issue 10: a tenant with no limit has no bucket: verification asks the limiter nothing for it.

/** The real in-memory limiter, noting which buckets were asked for. */
function recordingLimiter() {
  const real = new MemoryRateLimiter({ sweepIntervalMs: 0 });
  const asked: string[] = [];
  const limiter: RateLimiter = {
    consume: (bucket, limit, windowMs, now) => {
      asked.push(bucket);
      return real.consume(bucket, limit, windowMs, now);
    },
    peek: (...args) => real.peek(...args),
    reset: (bucket) => real.reset(bucket),
    consumeAll: (buckets, now) => real.consumeAll(buckets, now),
    consumeEach: (buckets, now) => real.consumeEach(buckets, now),
    refund: (bucket, now) => real.refund(bucket, now),
  };
  return { limiter, asked };
}

function setup(tenantLimit: number | null, keyLimit: number | null) {
  const secret = generateSecretKey("live");
  const key = fakeVerifiableKey({
    id: "key_BBBBBBBBBBBBBBBBBBBBBBBB",
    tenantId: "ten_unlimited",
    rateLimitPerMinute: keyLimit,
    tenant: { rateLimitPerMinute: tenantLimit, maxTokenLifetimeSeconds: 900 },
  });
  const { limiter, asked } = recordingLimiter();
  const deps = {
    keys: { bySecret: () => key, byId: () => null, signingSecrets: () => [] },
    now: Date.now(),
    audience: "http://k.test",
    leewaySeconds: 60,
    rateLimiter: limiter,
    replayStore: new MemoryReplayStore({ sweepIntervalMs: 0 }),
  };
  return { verify: () => verifyCredential({ credential: secret, clientIp: "192.0.2.1" }, deps), asked };
}

describe("verifyCredential and tenant limits", () => {
  it("with no tenant and no key limit: no bucket is asked, and no limit is reported", async () => {
    const { verify, asked } = setup(null, null);
    for (let i = 0; i < 1_000; i++) expect(await verify()).toMatchObject({ ok: true, ratelimit: null });
    expect(asked).toEqual([]);
  });

  it("with no tenant limit but a key limit: only the key's bucket, which still refuses", async () => {
    const { verify, asked } = setup(null, 2);
    expect(await verify()).toMatchObject({ ok: true, ratelimit: { limit: 2, remaining: 1 } });
    expect(await verify()).toMatchObject({ ok: true, ratelimit: { limit: 2, remaining: 0 } });
    expect(await verify()).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(new Set(asked)).toEqual(new Set(["rl:key:key_BBBBBBBBBBBBBBBBBBBBBBBB"]));
  });

  it("with a tenant limit: the tenant's bucket, as before", async () => {
    const { verify, asked } = setup(1, null);
    expect(await verify()).toMatchObject({ ok: true, ratelimit: { limit: 1 } });
    expect(await verify()).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(new Set(asked)).toEqual(new Set(["rl:tenant:ten_unlimited"]));
  });
});
