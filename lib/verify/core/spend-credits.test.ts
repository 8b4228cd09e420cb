import { describe, expect, it } from "vitest";
import { generateSecretKey } from "@/lib/keys/secret-key";
import { createStores } from "@/lib/ratelimit/create-stores";
import { fakeVerifiableKey } from "@/test/verifiable-key";
import type { CreditLedger, CreditSpendResult, VerifiableKey } from "./types";
import { verifyCredential } from "./verify-credential";

// The credits step in the core, with a ledger that stands in for the database: which keys ask it,
// with what cost, and what each answer becomes. The real ledger is tested at the DAL and over HTTP.

function setup(key: VerifiableKey, answer: CreditSpendResult) {
  const asked: number[] = [];
  const credits: CreditLedger = {
    spend: async (_key, cost) => {
      asked.push(cost);
      return answer;
    },
  };
  const secret = generateSecretKey("live");
  const deps = {
    keys: {
      bySecret: (presented: string) => (presented === secret ? key : null),
      byId: () => null,
      signingSecrets: () => [],
    },
    now: Date.now(),
    audience: "http://k.test",
    leewaySeconds: 60,
    ...createStores(),
    credits,
  };
  return { asked, deps, secret };
}

const credited = (overrides: Partial<VerifiableKey> = {}) =>
  fakeVerifiableKey({
    credits: { refill: null },
    tenant: { rateLimitPerMinute: null, maxTokenLifetimeSeconds: 900 },
    ...overrides,
  });

describe("the credits step", () => {
  it("a key without credits never asks the ledger and stays synchronous", () => {
    const { asked, deps, secret } = setup(fakeVerifiableKey({ credits: null }), {
      ok: false,
      remaining: 0,
      nextRefillAt: null,
    });
    const result = verifyCredential({ credential: secret, clientIp: "1.2.3.4", cost: 5 }, deps);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toMatchObject({ ok: true });
    // No balance to report: the answers say `credits: null` (consumer-routes.ts).
    expect((result as { credits?: unknown }).credits ?? null).toBeNull();
    expect(asked).toEqual([]);
  });

  it("spends the request's cost (default 1) and answers the balance", async () => {
    const balance = { remaining: 7, nextRefillAt: null };
    const { asked, deps, secret } = setup(credited(), { ok: true, credits: balance });
    expect(await verifyCredential({ credential: secret, clientIp: "1.2.3.4" }, deps)).toMatchObject({
      ok: true,
      credits: balance,
    });
    await verifyCredential({ credential: secret, clientIp: "1.2.3.4", cost: 0 }, deps);
    expect(asked).toEqual([1, 0]);
  });

  it("a refusal is USAGE_EXCEEDED with what is left, the cost and the next refill", async () => {
    const next = "2026-05-01T00:00:00.000Z";
    const { deps, secret } = setup(credited(), { ok: false, remaining: 2, nextRefillAt: next });
    expect(await verifyCredential({ credential: secret, clientIp: "1.2.3.4", cost: 3 }, deps)).toMatchObject({
      ok: false,
      code: "USAGE_EXCEEDED",
      details: { remaining: 2, cost: 3, nextRefillAt: next },
    });
  });

  it("a request refused earlier (scope, rate limit) spends nothing", async () => {
    const { asked, deps, secret } = setup(credited({ scopes: ["a"], rateLimitPerMinute: 1 }), {
      ok: true,
      credits: { remaining: 1, nextRefillAt: null },
    });
    const scoped = await verifyCredential({ credential: secret, clientIp: "1.2.3.4", scopes: ["b"] }, deps);
    expect(scoped).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    expect(await verifyCredential({ credential: secret, clientIp: "1.2.3.4" }, deps)).toMatchObject({
      ok: true,
    });
    expect(await verifyCredential({ credential: secret, clientIp: "1.2.3.4" }, deps)).toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(asked).toEqual([1]);
  });
});
