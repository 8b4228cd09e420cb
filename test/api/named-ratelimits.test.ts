import { describe, expect, it } from "vitest";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { createAccount } from "../accounts";
import { within } from "../eventually";
import { call } from "../http";
import { createTestIdentity, identityRoutes } from "../identities";
import { createTestKey } from "../verification";

const verifyBody = async (body: Record<string, unknown>) => (await call(verify, { body })).json();
const limit = (name: string, n: number, durationMs = 60_000, autoApply = true) => ({
  name,
  limit: n,
  durationMs,
  autoApply,
});

describe("named rate limits (issue 12)", () => {
  it("an identity's limit is shared: three keys, limit 5 per window → exactly 5 successes in all", async () => {
    const owner = await createAccount("named-shared");
    const customer = await createTestIdentity(owner, { ratelimits: [limit("requests", 5)] });
    const keys = await Promise.all([1, 2, 3].map(() => createTestKey(owner, { identityId: customer.id })));
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => verifyBody({ key: keys[i % 3]!.key })),
    );
    expect(results.filter((r) => r.valid)).toHaveLength(5);
    const refused = results.find((r) => !r.valid);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", details: { ratelimit: "requests" } });
    expect(refused.details.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it("answers identity and each named limit in the verify body", async () => {
    const owner = await createAccount("named-shape");
    const customer = await createTestIdentity(owner, {
      externalId: "org_42",
      metadata: { plan: "pro" },
      ratelimits: [limit("requests", 100)],
    });
    const key = await createTestKey(owner, {
      identityId: customer.id,
      ratelimits: [limit("burst", 10, 1_000)],
    });
    const before = Date.now();
    const body = await verifyBody({ key: key.key });
    expect(body).toMatchObject({
      valid: true,
      identity: { id: customer.id, externalId: "org_42", metadata: { plan: "pro" } },
      ratelimit: { limit: 100 },
    });
    expect(body.ratelimits).toEqual([
      { name: "requests", limit: 100, remaining: 99, reset: expect.any(Number) },
      { name: "burst", limit: 10, remaining: 9, reset: expect.any(Number) },
    ]);
    expect(body.ratelimits[1].reset).toBeGreaterThanOrEqual(before);
    const who = await (await call(whoami, { headers: { "x-api-key": key.key } })).json();
    expect(who.identity).toEqual({ id: customer.id, externalId: "org_42", metadata: { plan: "pro" } });
    // A key with nothing named: empty list, no identity.
    const plain = await createTestKey(owner);
    expect(await verifyBody({ key: plain.key })).toMatchObject({
      valid: true,
      identity: null,
      ratelimits: [],
    });
  });

  it("a limit that is not auto-applied counts only when named, at the cost given; cost 0 only reports", async () => {
    const owner = await createAccount("named-cost");
    const key = await createTestKey(owner, { ratelimits: [limit("tokens", 10, 60_000, false)] });
    expect((await verifyBody({ key: key.key })).ratelimits).toEqual([]);
    const named = (cost?: number) => verifyBody({ key: key.key, ratelimits: [{ name: "tokens", cost }] });
    expect((await named(4)).ratelimits[0]).toMatchObject({ name: "tokens", remaining: 6 });
    expect((await named()).ratelimits[0]).toMatchObject({ remaining: 5 });
    expect((await named(5)).ratelimits[0]).toMatchObject({ remaining: 0 });
    const refused = await named(1);
    expect(refused).toMatchObject({ valid: false, code: "RATE_LIMITED", details: { ratelimit: "tokens" } });
    expect(refused.ratelimits).toEqual([expect.objectContaining({ name: "tokens", remaining: 0 })]);
    expect(await named(0)).toMatchObject({ valid: true, ratelimits: [{ name: "tokens", remaining: 0 }] });
  });

  it("ignores a named limit that neither the key nor its identity has, and lists it", async () => {
    const owner = await createAccount("named-unknown");
    const key = await createTestKey(owner, { ratelimits: [limit("known", 1, 60_000, false)] });
    for (let i = 0; i < 3; i++) {
      const body = await verifyBody({ key: key.key, ratelimits: [{ name: "nope" }] });
      expect(body).toMatchObject({ valid: true, ratelimits: [], unknownRatelimits: ["nope"] });
    }
  });

  it("is all-or-nothing: a refused limit charges none of the others", async () => {
    const owner = await createAccount("named-atomic");
    const key = await createTestKey(owner, {
      ratelimits: [limit("wide", 10), limit("narrow", 1, 60_000, false)],
    });
    const ask = () => verifyBody({ key: key.key, ratelimits: [{ name: "narrow" }] });
    expect((await ask()).valid).toBe(true);
    const refused = await ask();
    expect(refused.valid).toBe(false);
    expect(refused.ratelimits).toEqual([
      expect.objectContaining({ name: "wide", remaining: 9 }),
      expect.objectContaining({ name: "narrow", remaining: 0 }),
    ]);
    expect((await verifyBody({ key: key.key })).ratelimits[0]).toMatchObject({ name: "wide", remaining: 8 });
  });

  it("the refused limit with the longest wait sets Retry-After", async () => {
    const owner = await createAccount("named-retry");
    const key = await createTestKey(owner, {
      ratelimits: [limit("second", 1, 10_000), limit("minute", 1, 60_000)],
    });
    expect((await call(whoami, { headers: { "x-api-key": key.key } })).status).toBe(200);
    const res = await call(whoami, { headers: { "x-api-key": key.key } });
    expect(res.status).toBe(429);
    const error = (await res.json()).error;
    expect(error).toMatchObject({ code: "RATE_LIMITED", details: { ratelimit: "minute" } });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(Number(res.headers.get("retry-after"))).toBe(error.details.retryAfter);
    const body = await verifyBody({ key: key.key });
    expect(body.details).toMatchObject({ ratelimit: "minute" });
    expect(body.details.retryAfter).toBeGreaterThan(50);
  });

  it("a key's own limit wins over its identity's of the same name", async () => {
    const owner = await createAccount("named-precedence");
    const customer = await createTestIdentity(owner, { ratelimits: [limit("requests", 1)] });
    const key = await createTestKey(owner, { identityId: customer.id, ratelimits: [limit("requests", 3)] });
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await verifyBody({ key: key.key })).valid);
    expect(results).toEqual([true, true, true, false]);
  });

  it("a changed identity reaches cached keys (its limits and metadata)", async () => {
    const owner = await createAccount("named-invalidate");
    const customer = await createTestIdentity(owner, { metadata: { v: 1 } });
    const key = await createTestKey(owner, { identityId: customer.id });
    expect((await verifyBody({ key: key.key })).identity.metadata).toEqual({ v: 1 });
    const patched = await identityRoutes(owner.accessToken).patch(customer.id, {
      metadata: { v: 2 },
      ratelimits: [limit("requests", 1)],
    });
    expect(patched.status).toBe(200);
    const metadata = async () =>
      (await verifyBody({ key: key.key, ratelimits: [{ name: "x", cost: 0 }] })).identity.metadata.v;
    expect(await within(1000, metadata, 2)).toBe(2);
  });

  it("refuses a malformed ratelimits list with 400", async () => {
    const owner = await createAccount("named-bad");
    const key = await createTestKey(owner);
    for (const ratelimits of [
      [{ name: "a", cost: 1001 }],
      [{ name: "a", cost: -1 }],
      [{ name: "a", cost: 1.5 }],
      [{ name: "bad name" }],
      [{ cost: 1 }],
      Array.from({ length: 21 }, (_, i) => ({ name: `r${i}` })),
    ]) {
      const res = await call(verify, { body: { key: key.key, ratelimits } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
  });
});
