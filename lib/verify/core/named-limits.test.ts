import { afterAll, describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "@/lib/ratelimit/memory-rate-limiter";
import { fakeVerifiableKey } from "@/test/verifiable-key";
import { checkNamedLimits } from "./named-limits";

const limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
afterAll(() => limiter.close());
const T0 = 1_700_000_000_000;
const limit = (name: string, n: number, autoApply = true) => ({
  name,
  limit: n,
  durationMs: 60_000,
  autoApply,
});
const identity = (id: string, ratelimits: ReturnType<typeof limit>[]) => ({
  id,
  externalId: id,
  metadata: {},
  ratelimits,
});

describe("checkNamedLimits", () => {
  it("returns the plain result, synchronously, when nothing can apply", () => {
    const key = fakeVerifiableKey();
    const result = checkNamedLimits(key, undefined, limiter, T0, null);
    expect(result).toEqual({ ok: true, key, ratelimit: null });
  });

  it("answers synchronously with an in-process limiter, and shares an identity's bucket between keys", () => {
    const shared = identity("idn_shared", [limit("requests", 2)]);
    const one = fakeVerifiableKey({ id: "key_one", identity: shared });
    const two = fakeVerifiableKey({ id: "key_two", identity: shared });
    const first = checkNamedLimits(one, undefined, limiter, T0, null);
    expect(first).not.toBeInstanceOf(Promise);
    expect(first).toMatchObject({ ok: true, ratelimits: [{ name: "requests", remaining: 1 }] });
    expect(checkNamedLimits(two, undefined, limiter, T0, null)).toMatchObject({ ok: true });
    expect(checkNamedLimits(one, undefined, limiter, T0, null)).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      details: { ratelimit: "requests" },
    });
  });

  it("lets the key's own limit of a name replace its identity's, for that key only", () => {
    const key = fakeVerifiableKey({
      id: "key_own",
      identity: identity("idn_prec", [limit("calls", 1)]),
      ratelimits: [limit("calls", 5)],
    });
    expect(checkNamedLimits(key, undefined, limiter, T0, null)).toMatchObject({
      ok: true,
      ratelimits: [{ name: "calls", limit: 5, remaining: 4 }],
    });
  });

  it("adds up the costs of a name asked for twice, ignores unknown names and lists them once", () => {
    const key = fakeVerifiableKey({ id: "key_sum", ratelimits: [limit("tokens", 10, false)] });
    const asked = [
      { name: "tokens", cost: 3 },
      { name: "tokens", cost: 2 },
      { name: "nope" },
      { name: "nope" },
    ];
    expect(checkNamedLimits(key, asked, limiter, T0, null)).toMatchObject({
      ok: true,
      ratelimits: [{ name: "tokens", remaining: 5 }],
      unknownRatelimits: ["nope"],
    });
  });
});
