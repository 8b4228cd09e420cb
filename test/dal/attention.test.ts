import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as rotateKey } from "@/app/api/tenants/me/api-keys/[id]/rotate/route";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { getKeysNeedingAttention } from "@/lib/dal/api-keys/attention";
import type { TenantContext } from "@/lib/dal/context";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import { createFailureSpikeJob } from "@/lib/webhooks/event-jobs";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

const DAY = 86_400_000;
const MINUTE = 60_000;

const contextOf = (account: TestAccount): TenantContext => ({
  tenantId: account.tenantId,
  userId: account.userId,
  role: "viewer",
  actor: { type: "system" },
  ip: "192.0.2.1",
});

async function setDates(id: string, dates: Partial<Record<"createdAt" | "lastUsedAt" | "expiresAt", Date>>) {
  const db = await getDb();
  await db.update(apiKeys).set(dates).where(eq(apiKeys.id, id));
}

/** Failed verifications written by the usage buffer's own write path, one minute row per entry. */
async function fail(account: TestAccount, keyId: string, perMinute: [minute: number, count: number][]) {
  await writeUsageBatch({
    id: randomUUID(),
    counts: perMinute.map(([minute, count]) => ({
      tenantId: account.tenantId,
      keyId,
      minute,
      outcome: "INVALID_IP",
      count,
    })),
    lastUsed: [],
    log: [],
  });
}

/** One run of the server's failure-spike job, as of `now`, over these tenants only (the database is shared). */
const spikeJob = (now: number, ...accounts: TestAccount[]) =>
  createFailureSpikeJob({
    threshold: 100,
    clock: { now: () => new Date(now) },
    onlyTenantIds: accounts.map((account) => account.tenantId),
  }).runOnce();

const ids = (group: { keys: { id: string }[] }) => group.keys.map((key) => key.id).sort();

let owner: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  [owner, other] = await Promise.all([createAccount("attention"), createAccount("attention-other")]);
});

describe("keys needing attention", () => {
  it("lists expiring, unused, grace and spiking keys, each for its own reason, and only the tenant's", async () => {
    const now = Date.now();
    const expiring = await createTestKey(owner, { name: "expiring" });
    const later = await createTestKey(owner, { name: "expires in a month" });
    const unused = await createTestKey(owner, { name: "never used" });
    const usedOnce = await createTestKey(owner, { name: "used once" });
    const young = await createTestKey(owner, { name: "new and unused" });
    const rotated = await createTestKey(owner, { name: "rotated" });
    const spiking = await createTestKey(owner, { name: "spiking" });
    const spread = await createTestKey(owner, { name: "failures spread out" });
    await setDates(expiring.id, { expiresAt: new Date(now + 3 * DAY) });
    await setDates(later.id, { expiresAt: new Date(now + 30 * DAY) });
    await setDates(unused.id, { createdAt: new Date(now - 31 * DAY) });
    await setDates(usedOnce.id, { createdAt: new Date(now - 31 * DAY), lastUsedAt: new Date(now - 2 * DAY) });
    const res = await call(rotateKey, {
      token: owner.accessToken,
      params: { id: rotated.id },
      body: { gracePeriodSeconds: 3600 },
    });
    expect(res.status).toBe(201);
    const successor = await res.json();

    // More than 100 failures within 5 minutes make a spike (found by the spike job, two hours
    // ago); 120 spread over 30 minutes do not.
    const window = Math.floor((now - 2 * 3_600_000) / MINUTE) * MINUTE;
    await fail(owner, spiking.id, [
      [window - 3 * MINUTE, 60],
      [window, 41],
    ]);
    await fail(
      owner,
      spread.id,
      Array.from({ length: 6 }, (_, i) => [window - i * 5 * MINUTE, 20] as [number, number]),
    );

    // Another tenant's keys, in every state, never show up.
    const stranger = await createTestKey(other, { name: "stranger" });
    await setDates(stranger.id, { expiresAt: new Date(now + DAY), createdAt: new Date(now - 40 * DAY) });
    await fail(other, stranger.id, [[window, 500]]);
    expect(await spikeJob(window, owner, other)).toBe(2);

    const attention = await getKeysNeedingAttention(contextOf(owner), { now });
    expect(ids(attention.expiring)).toEqual([expiring.id]);
    expect(ids(attention.never_used)).toEqual([unused.id]);
    expect(attention.rotation_grace.keys).toEqual([
      { id: rotated.id, name: "rotated", at: expect.any(String), detail: successor.id },
    ]);
    expect(attention.failure_spike.keys).toEqual([
      {
        id: spiking.id,
        name: "spiking",
        at: new Date(window).toISOString(),
        detail: "over 100 failed in 5 min",
      },
    ]);
    expect(attention.leaked).toEqual({ count: 0, keys: [] });
    const listed = Object.values(attention).flatMap((group) => group.keys.map((key) => key.id));
    for (const key of [later, usedOnce, young, spread, successor]) expect(listed).not.toContain(key.id);

    const theirs = await getKeysNeedingAttention(contextOf(other), { now });
    expect(ids(theirs.expiring)).toEqual([stranger.id]);
    expect(ids(theirs.failure_spike)).toEqual([stranger.id]);
    expect(JSON.stringify(theirs)).not.toContain(expiring.id);
  });

  it("forgets a spike after 24 h and a key once it has expired", async () => {
    const account = await createAccount("attention-later");
    const now = Date.now();
    const key = await createTestKey(account, { name: "noisy" });
    const gone = await createTestKey(account, { name: "expired already" });
    await setDates(gone.id, { expiresAt: new Date(now - MINUTE), createdAt: new Date(now - 40 * DAY) });
    const window = Math.floor((now - 30 * MINUTE) / MINUTE) * MINUTE;
    const ctx = contextOf(account);
    await fail(account, key.id, [[window, 100]]);
    expect(await spikeJob(window, account)).toBe(0);
    expect((await getKeysNeedingAttention(ctx, { now })).failure_spike.count).toBe(0);
    await fail(account, key.id, [[window, 1]]);
    expect(await spikeJob(window, account)).toBe(1);
    expect((await getKeysNeedingAttention(ctx, { now })).failure_spike.keys.map((k) => k.id)).toEqual([
      key.id,
    ]);

    const dayLater = await getKeysNeedingAttention(ctx, { now: window + DAY + MINUTE });
    expect(Object.values(dayLater).every((group) => group.count === 0)).toBe(true);
  });

  it("counts past the ten keys it lists", async () => {
    const account = await createAccount("attention-many");
    const now = Date.now();
    const keys = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createTestKey(account, { name: `soon ${i}` })),
    );
    for (const key of keys) await setDates(key.id, { expiresAt: new Date(now + DAY) });
    const { expiring } = await getKeysNeedingAttention(contextOf(account), { now });
    expect(expiring.count).toBe(12);
    expect(expiring.keys).toHaveLength(10);
  });
});
