import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { spendCredits } from "@/lib/dal/credits/spend-credits";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

// Issue 12: refills happen lazily, at the first spend after the boundary (UTC), once. The spend
// takes `now`, so the clock is ours: the boundary is crossed without waiting for midnight.

let account: TestAccount;
beforeAll(async () => {
  account = await createAccount("credits-refill");
});

type Refill = { interval: "daily" | "monthly"; amount: number; dayOfMonth?: number };

/** A key whose balance was last set (or refilled) at `setAt`. */
async function keyWithCredits(remaining: number, refill: Refill | null, setAt: string) {
  const key = await createTestKey(account, { credits: { remaining, refill } });
  const db = await getDb();
  await db
    .update(apiKeys)
    .set({ creditsRefilledAt: new Date(setAt) })
    .where(eq(apiKeys.id, key.id));
  return { ...key, ref: { tenantId: account.tenantId, keyId: key.id } };
}

const spendAt = (ref: { tenantId: string; keyId: string }, iso: string, cost = 1) =>
  spendCredits(ref, cost, new Date(iso));

describe("spendCredits: the lazy refill at the boundary", () => {
  it("daily: before midnight UTC nothing refills; the first spend after refills, once", async () => {
    const key = await keyWithCredits(1, { interval: "daily", amount: 5 }, "2026-04-10T08:00:00Z");
    expect(await spendAt(key.ref, "2026-04-10T23:59:59.999Z")).toEqual({
      ok: true,
      credits: { remaining: 0, nextRefillAt: "2026-04-11T00:00:00.000Z" },
    });
    expect(await spendAt(key.ref, "2026-04-10T23:59:59.999Z")).toEqual({
      ok: false,
      remaining: 0,
      nextRefillAt: "2026-04-11T00:00:00.000Z",
    });
    // Two verifications after the boundary: one refill (to 5, not 5 + 5), then spends from it.
    expect(await spendAt(key.ref, "2026-04-11T00:00:00Z")).toMatchObject({
      ok: true,
      credits: { remaining: 4 },
    });
    expect(await spendAt(key.ref, "2026-04-11T00:00:01Z")).toMatchObject({
      ok: true,
      credits: { remaining: 3 },
    });
    // Several days missed: still one refill, to the amount.
    expect(await spendAt(key.ref, "2026-04-15T10:00:00Z")).toMatchObject({
      ok: true,
      credits: { remaining: 4 },
    });
  });

  it("the refill is a reset, not an addition, and is idempotent under concurrent spends", async () => {
    const key = await keyWithCredits(3, { interval: "daily", amount: 10 }, "2026-04-10T08:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 15 }, () => spendAt(key.ref, "2026-04-11T09:00:00Z")),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok)).toHaveLength(5);
    const [row] = await (await getDb())
      .select({ remaining: apiKeys.creditsRemaining })
      .from(apiKeys)
      .where(eq(apiKeys.id, key.id));
    expect(row?.remaining).toBe(0);
  });

  it("monthly on day 1: refills at 00:00 UTC on the 1st, once", async () => {
    const key = await keyWithCredits(
      0,
      { interval: "monthly", amount: 2, dayOfMonth: 1 },
      "2026-04-20T00:00:00Z",
    );
    expect(await spendAt(key.ref, "2026-04-30T23:59:59Z")).toEqual({
      ok: false,
      remaining: 0,
      nextRefillAt: "2026-05-01T00:00:00.000Z",
    });
    expect(await spendAt(key.ref, "2026-05-01T00:00:00Z")).toEqual({
      ok: true,
      credits: { remaining: 1, nextRefillAt: "2026-06-01T00:00:00.000Z" },
    });
    expect(await spendAt(key.ref, "2026-05-02T00:00:00Z")).toMatchObject({
      ok: true,
      credits: { remaining: 0 },
    });
    expect(await spendAt(key.ref, "2026-05-31T00:00:00Z")).toMatchObject({ ok: false });
  });

  it("dayOfMonth 31 in a 30-day month refills on the 30th (and on 28 February)", async () => {
    const key = await keyWithCredits(
      0,
      { interval: "monthly", amount: 3, dayOfMonth: 31 },
      "2026-04-01T00:00:00Z",
    );
    expect(await spendAt(key.ref, "2026-04-29T23:59:59Z")).toEqual({
      ok: false,
      remaining: 0,
      nextRefillAt: "2026-04-30T00:00:00.000Z",
    });
    expect(await spendAt(key.ref, "2026-04-30T00:00:00Z")).toEqual({
      ok: true,
      credits: { remaining: 2, nextRefillAt: "2026-05-31T00:00:00.000Z" },
    });
    expect(await spendAt(key.ref, "2026-05-30T12:00:00Z")).toMatchObject({
      ok: true,
      credits: { remaining: 1 },
    });
    const feb = await keyWithCredits(
      0,
      { interval: "monthly", amount: 3, dayOfMonth: 31 },
      "2027-02-01T00:00:00Z",
    );
    expect(await spendAt(feb.ref, "2027-02-27T23:00:00Z")).toMatchObject({ ok: false });
    expect(await spendAt(feb.ref, "2027-02-28T00:00:00Z")).toMatchObject({
      ok: true,
      credits: { remaining: 2 },
    });
  });

  it("a key without a refill never refills", async () => {
    const key = await keyWithCredits(0, null, "2026-01-01T00:00:00Z");
    expect(await spendAt(key.ref, "2027-01-01T00:00:00Z")).toEqual({
      ok: false,
      remaining: 0,
      nextRefillAt: null,
    });
  });

  it("is scoped by tenant: another tenant's id spends nothing of this key", async () => {
    const key = await keyWithCredits(5, null, "2026-01-01T00:00:00Z");
    const other = await createAccount("credits-refill-other");
    expect(await spendAt({ tenantId: other.tenantId, keyId: key.id }, "2026-01-02T00:00:00Z")).toMatchObject({
      ok: false,
    });
    expect(await spendAt(key.ref, "2026-01-02T00:00:00Z")).toMatchObject({
      ok: true,
      credits: { remaining: 4 },
    });
  });
});

describe("the refill through the routes", () => {
  it("a verification after the boundary refills, and the key's DTO agrees before it happens", async () => {
    // Last refilled two days ago: the daily boundary has passed, the refill is due but not yet applied.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const key = await keyWithCredits(0, { interval: "daily", amount: 7 }, twoDaysAgo);
    const dto = await (await call(getKey, { token: account.accessToken, params: { id: key.id } })).json();
    const tomorrow = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 86_400_000).toISOString();
    expect(dto.credits).toEqual({
      remaining: 7,
      refill: { interval: "daily", amount: 7, dayOfMonth: null },
      nextRefillAt: tomorrow,
    });
    const first = await (await call(verify, { body: { key: key.key } })).json();
    expect(first).toMatchObject({ valid: true, credits: { remaining: 6, nextRefillAt: tomorrow } });
    const second = await (await call(verify, { body: { key: key.key } })).json();
    expect(second.credits.remaining).toBe(5);
  });
});
