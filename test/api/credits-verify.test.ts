import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { createAccount, type TestAccount } from "../accounts";
import { within } from "../eventually";
import { call } from "../http";
import { createTestKey } from "../verification";

// Issue 12: every valid verification of a key with credits spends `cost` (whoami: 1); a balance
// that cannot cover it is USAGE_EXCEEDED, and nothing is spent by a refused request.

let account: TestAccount;
beforeAll(async () => {
  // No tenant limit: these tests spend more than 100 verifications a minute.
  account = await createAccount("credits-verify");
  const { PATCH } = await import("@/app/api/tenants/me/route");
  await call(PATCH, { method: "PATCH", token: account.accessToken, body: { rateLimitPerMinute: null } });
});

const whoamiWith = (key: string) => call(whoami, { headers: { "x-api-key": key } });
const verifyWith = async (body: Record<string, unknown>) => {
  const res = await call(verify, { body });
  return { status: res.status, body: await res.json() };
};

describe("spending credits", () => {
  it("whoami spends 1 and answers the balance; the last credit then USAGE_EXCEEDED with a 429 envelope", async () => {
    const key = await createTestKey(account, { credits: { remaining: 2 } });
    const first = await whoamiWith(key.key);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toMatchObject({
      keyId: key.id,
      credits: { remaining: 1, nextRefillAt: null },
    });
    expect((await (await whoamiWith(key.key)).json()).credits).toEqual({ remaining: 0, nextRefillAt: null });
    const refused = await whoamiWith(key.key);
    expect(refused.status).toBe(429);
    // No refill is scheduled: waiting does not help, so no Retry-After.
    expect(refused.headers.get("retry-after")).toBeNull();
    expect(await refused.json()).toEqual({
      error: {
        code: "USAGE_EXCEEDED",
        message: "This key has no credits left.",
        details: { remaining: 0, cost: 1, nextRefillAt: null },
      },
    });
  });

  it("verify spends `cost` (default 1), refuses a cost above the balance without spending, and takes cost 0", async () => {
    const key = await createTestKey(account, { credits: { remaining: 10 } });
    expect((await verifyWith({ key: key.key })).body).toMatchObject({
      valid: true,
      keyId: key.id,
      credits: { remaining: 9, nextRefillAt: null },
    });
    expect((await verifyWith({ key: key.key, cost: 5 })).body.credits.remaining).toBe(4);
    const tooMuch = await verifyWith({ key: key.key, cost: 5 });
    expect(tooMuch.status).toBe(200);
    expect(tooMuch.body).toEqual({
      valid: false,
      code: "USAGE_EXCEEDED",
      message: "This key has 4 credits left; this request costs 5.",
      details: { remaining: 4, cost: 5, nextRefillAt: null },
    });
    expect((await verifyWith({ key: key.key, cost: 0 })).body).toMatchObject({
      valid: true,
      credits: { remaining: 4 },
    });
    expect((await verifyWith({ key: key.key, cost: 4 })).body.credits.remaining).toBe(0);
    // At 0, a cost of 0 still passes (it asks nothing); a cost of 1 does not.
    expect((await verifyWith({ key: key.key, cost: 0 })).body).toMatchObject({
      valid: true,
      credits: { remaining: 0 },
    });
    expect((await verifyWith({ key: key.key })).body).toMatchObject({ valid: false, code: "USAGE_EXCEEDED" });
  });

  it("a key without credits is unlimited and answers credits: null", async () => {
    const key = await createTestKey(account);
    expect((await (await whoamiWith(key.key)).json()).credits).toBeNull();
    expect((await verifyWith({ key: key.key, cost: 1000 })).body).toMatchObject({
      valid: true,
      credits: null,
    });
  });

  it("a refused request spends nothing: wrong scope and wrong environment leave the balance", async () => {
    const key = await createTestKey(account, { credits: { remaining: 1 }, scopes: ["a:read"] });
    expect((await verifyWith({ key: key.key, scopes: ["a:write"] })).body.code).toBe("INSUFFICIENT_SCOPE");
    expect((await verifyWith({ key: key.key, environment: "test" })).body.code).toBe("ENVIRONMENT_MISMATCH");
    expect((await verifyWith({ key: key.key })).body).toMatchObject({
      valid: true,
      credits: { remaining: 0 },
    });
  });

  it("a key rate limit refuses before credits are spent", async () => {
    const key = await createTestKey(account, { credits: { remaining: 5 }, rateLimitPerMinute: 1 });
    expect((await verifyWith({ key: key.key })).body.credits.remaining).toBe(4);
    expect((await verifyWith({ key: key.key })).body.code).toBe("RATE_LIMITED");
    const patched = await call(patchKey, {
      method: "PATCH",
      token: account.accessToken,
      params: { id: key.id },
      body: { rateLimitPerMinute: null },
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).credits.remaining).toBe(4);
  });

  it("credits removed by PATCH make the key unlimited at once, even while it is cached", async () => {
    const key = await createTestKey(account, { credits: { remaining: 0 } });
    expect((await whoamiWith(key.key)).status).toBe(429);
    const res = await call(patchKey, {
      method: "PATCH",
      token: account.accessToken,
      params: { id: key.id },
      body: { credits: null },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).credits).toBeNull();
    expect((await whoamiWith(key.key)).status).toBe(200);
    // Credits given back reach the cache by NOTIFY (within a second).
    await call(patchKey, {
      method: "PATCH",
      token: account.accessToken,
      params: { id: key.id },
      body: { credits: { remaining: 1 } },
    });
    const spent = async () => (await (await whoamiWith(key.key)).json()).credits?.remaining ?? "none";
    expect(await within(2000, spent, 0)).toBe(0);
    expect((await whoamiWith(key.key)).status).toBe(429);
  });

  it("a monthly refill is announced: nextRefillAt in answers, Retry-After on whoami's refusal", async () => {
    const key = await createTestKey(account, {
      credits: { remaining: 1, refill: { interval: "monthly", amount: 50, dayOfMonth: 1 } },
    });
    const ok = await (await whoamiWith(key.key)).json();
    const next = new Date();
    const expected = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1)).toISOString();
    expect(ok.credits).toEqual({ remaining: 0, nextRefillAt: expected });
    const refused = await whoamiWith(key.key);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(Math.abs(retryAfter - (Date.parse(expected) - Date.now()) / 1000)).toBeLessThan(5);
    expect((await refused.json()).error.details).toEqual({ remaining: 0, cost: 1, nextRefillAt: expected });
  });
});

describe("the cost field", () => {
  it("is refused with a field error when it is not a whole number from 0 to 1000", async () => {
    const key = await createTestKey(account, { credits: { remaining: 5 } });
    for (const cost of [-1, 1.5, 1001, "1", null, true]) {
      const res = await verifyWith({ key: key.key, cost });
      expect(res.status, JSON.stringify(cost)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_ERROR");
      expect(res.body.error.details.fields).toEqual([{ path: "cost", message: expect.any(String) }]);
    }
    expect((await verifyWith({ key: key.key, cost: 1000 })).body.code).toBe("USAGE_EXCEEDED");
    expect((await verifyWith({ key: key.key })).body.credits.remaining).toBe(4);
  });
});
