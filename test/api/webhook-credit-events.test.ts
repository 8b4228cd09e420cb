import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as adjustCredits } from "@/app/api/tenants/me/api-keys/[id]/credits/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { settleCreditAlerts } from "@/lib/dal/credits/credit-events";
import { spendCredits } from "@/lib/dal/credits/spend-credits";
import { createCreditSweepJob } from "@/lib/webhooks/event-jobs";
import { createAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";
import { startReceiver } from "../webhook-receiver";
import { createTestEndpoint, deliverAndVerify } from "../webhooks";

// Issue 13, slice 5: credits.low (under 10 % of the refill amount, or of the balance as last set)
// and credits.exhausted (0 reached), each once per period: again after a refill or an adjustment.

const CREDIT_TYPES = ["credits.low", "credits.exhausted"];
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function setup(name: string, credits: Record<string, unknown>) {
  const owner = await createAccount(name);
  const other = await createAccount(`${name}-other`);
  const path = `/${name}`;
  const endpoint = await createTestEndpoint(owner, { url: receiver.url(path), eventTypes: CREDIT_TYPES });
  await createTestEndpoint(other, { url: receiver.url(`${path}-other`), eventTypes: CREDIT_TYPES });
  const key = await createTestKey(owner, { credits });
  /** Spends through the real verification route; the answer's balance. */
  const spend = async (cost: number) => {
    const res = await call(verify, { body: { key: key.key, cost } });
    return (await res.json()) as { valid: boolean; credits?: { remaining: number } };
  };
  /** The events that reached the receiver since the last call, as `type remaining`. */
  let seen = 0;
  const delivered = async () => {
    await settleCreditAlerts();
    const events = await deliverAndVerify(receiver, [owner.tenantId, other.tenantId], path, endpoint.secret);
    const fresh = events.slice(seen);
    seen = events.length;
    return fresh.map((e) => `${e.type} ${e.data.remaining}`).sort();
  };
  /** One run of the credit sweep, as two instances would make it at once; how many it queued. */
  const sweep = async (at = new Date()) => {
    const options = { clock: { now: () => at }, onlyTenantIds: [owner.tenantId, other.tenantId] };
    const counts = await Promise.all([
      createCreditSweepJob(options).runOnce(),
      createCreditSweepJob(options).runOnce(),
    ]);
    return counts[0]! + counts[1]!;
  };
  return { owner, key, path, spend, delivered, sweep, ref: { tenantId: owner.tenantId, keyId: key.id } };
}

describe("credits.low and credits.exhausted", () => {
  it("fire once per refill period, from the verification path, and again after the refill", async () => {
    const { key, spend, delivered, ref, path, sweep } = await setup("whc-refill", {
      remaining: 100,
      refill: { interval: "daily", amount: 100 },
    });
    expect((await spend(89)).credits?.remaining).toBe(11);
    expect((await spend(1)).credits?.remaining).toBe(10);
    expect(await delivered()).toEqual([]);
    expect((await spend(2)).credits?.remaining).toBe(8);
    expect((await spend(1)).credits?.remaining).toBe(7);
    expect(await delivered()).toEqual(["credits.low 8"]);
    expect((await spend(7)).credits?.remaining).toBe(0);
    expect((await spend(1)).valid).toBe(false);
    expect((await spend(0)).valid).toBe(true);
    expect(await delivered()).toEqual(["credits.exhausted 0"]);

    // The next day's first spend refills to 100; one spend of 100 crosses both thresholds.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await spendCredits(ref, 100, tomorrow)).toMatchObject({ ok: true, credits: { remaining: 0 } });
    expect(await delivered()).toEqual(["credits.exhausted 0", "credits.low 0"]);

    for (const got of receiver.received.filter((r) => r.path === path)) {
      expect(got.body).not.toContain(key.key);
      expect(JSON.parse(got.body).data.key).toMatchObject({
        id: key.id,
        credits: { refill: { amount: 100 } },
      });
    }
    expect(receiver.received.filter((r) => r.path === `${path}-other`)).toHaveLength(0);
    // The sweep finds nothing the spends did not already send.
    expect(await sweep(tomorrow)).toBe(0);
  });

  it("an alert lost between the spend and its event (a crash) is sent by the credit sweep, once", async () => {
    const { owner, key, sweep, delivered } = await setup("whc-crash", { remaining: 50 });
    // What a crash after the spend's commit leaves: the balance spent, no alert queued.
    const db = await getDb();
    await db
      .update(apiKeys)
      .set({ creditsRemaining: 3 })
      .where(and(eq(apiKeys.tenantId, owner.tenantId), eq(apiKeys.id, key.id)));
    expect(await delivered()).toEqual([]);
    expect(await sweep()).toBe(1);
    expect(await delivered()).toEqual(["credits.low 3"]);
    expect(await sweep()).toBe(0);
    await db
      .update(apiKeys)
      .set({ creditsRemaining: 0 })
      .where(and(eq(apiKeys.tenantId, owner.tenantId), eq(apiKeys.id, key.id)));
    expect(await sweep()).toBe(1);
    expect(await delivered()).toEqual(["credits.exhausted 0"]);
    expect(await sweep()).toBe(0);
  });

  it("a balance set under 10 % by hand is announced by the sweep; a due refill is not low", async () => {
    const { owner, key, sweep, delivered } = await setup("whc-hand", {
      remaining: 100,
      refill: { interval: "daily", amount: 100 },
    });
    const res = await call(adjustCredits, {
      token: owner.accessToken,
      params: { id: key.id },
      body: { op: "set", amount: 4 },
    });
    expect(res.status).toBe(200);
    expect(await sweep()).toBe(1);
    expect(await delivered()).toEqual(["credits.low 4"]);
    // Tomorrow the next spend sees 100 again: nothing to say.
    expect(await sweep(new Date(Date.now() + 86_400_000))).toBe(0);
    expect(await delivered()).toEqual([]);
  });

  it("without a refill, low is 10 % of the balance as last set; an adjustment starts a new period", async () => {
    const { owner, key, spend, delivered } = await setup("whc-set", { remaining: 50 });
    await spend(45);
    expect(await delivered()).toEqual([]);
    await spend(1);
    expect(await delivered()).toEqual(["credits.low 4"]);
    const res = await call(adjustCredits, {
      token: owner.accessToken,
      params: { id: key.id },
      body: { op: "increment", amount: 196 },
    });
    expect(res.status).toBe(200);
    expect((await spend(181)).credits?.remaining).toBe(19);
    expect(await delivered()).toEqual(["credits.low 19"]);
  });

  it("concurrent spends across the thresholds send each alert once", async () => {
    const { spend, delivered } = await setup("whc-race", { remaining: 60 });
    const answers = await Promise.all(Array.from({ length: 70 }, () => spend(1)));
    expect(answers.filter((a) => a.valid)).toHaveLength(60);
    expect(await delivered()).toEqual(["credits.exhausted 0", "credits.low 5"]);
  });

  it("a key without credits, or a spend that stays above 10 %, sends nothing", async () => {
    const { spend, delivered, owner } = await setup("whc-none", { remaining: 1000 });
    await spend(100);
    const unlimited = await createTestKey(owner);
    await call(verify, { body: { key: unlimited.key, cost: 1000 } });
    expect(await delivered()).toEqual([]);
  });
});
