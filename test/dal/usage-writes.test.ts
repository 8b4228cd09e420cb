import { beforeAll, describe, expect, it } from "vitest";
import { GET as getKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { GET as usage } from "@/app/api/tenants/me/usage/route";
import { getTopKeys } from "@/lib/dal/usage";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import { UsageBuffer } from "@/lib/usage/usage-buffer";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

async function totals(keyId: string, interval = "minute") {
  const res = await call(usage, {
    token: account.accessToken,
    path: `/?interval=${interval}&keyId=${keyId}`,
  });
  return (await res.json()).totals as Record<string, number>;
}

let account: TestAccount;

beforeAll(async () => {
  account = await createAccount("usage-writes");
});

describe("writeUsageBatch on the real database", () => {
  it("counts a batch once, even when its commit succeeded but the reply was lost and it is retried", async () => {
    const key = await createTestKey(account);
    let loseReply = true;
    const buffer = new UsageBuffer(async (batch) => {
      await writeUsageBatch(batch);
      if (loseReply) throw new Error("connection closed before the commit was acknowledged");
    });
    const at = Date.now();
    for (let i = 0; i < 3; i++)
      buffer.record({ tenantId: account.tenantId, keyId: key.id, outcome: "VALID", at, ip: "192.0.2.7" });
    await expect(buffer.flush()).rejects.toThrow("acknowledged");
    loseReply = false;
    await buffer.flush();
    expect(await totals(key.id)).toEqual({ VALID: 3 });
  });

  it("derives hour and day rows from the minute counts", async () => {
    const key = await createTestKey(account);
    const at = Date.now();
    await writeUsageBatch({
      id: `test-${at}-${key.id}`,
      counts: [
        { tenantId: account.tenantId, keyId: key.id, minute: at - (at % 60_000), outcome: "VALID", count: 4 },
      ],
      lastUsed: [],
      log: [],
    });
    for (const interval of ["minute", "hour", "day"]) {
      expect(await totals(key.id, interval)).toEqual({ VALID: 4 });
    }
  });

  it("moves last-used only forward, and only on the batch's own tenant's key", async () => {
    const key = await createTestKey(account);
    const other = await createAccount("usage-writes-other");
    const otherKey = await createTestKey(other);
    const at = Date.now();
    const batch = (id: string, ms: number, ip: string, tenantId = account.tenantId) => ({
      id: `${id}-${key.id}`,
      counts: [],
      lastUsed: [{ tenantId, keyId: key.id, at: new Date(ms), ip }],
      log: [],
    });
    await writeUsageBatch(batch("late", at, "192.0.2.10"));
    // A batch from another instance, flushed later but holding an older use, winds nothing back.
    await writeUsageBatch(batch("older", at - 60_000, "192.0.2.11"));
    // A batch naming the key under another tenant (no such row) touches nothing.
    await writeUsageBatch(batch("foreign", at + 60_000, "192.0.2.12", other.tenantId));
    const res = await call(getKey, { token: account.accessToken, params: { id: key.id } });
    expect(await res.json()).toMatchObject({
      lastUsedAt: new Date(at).toISOString(),
      lastUsedIp: "192.0.2.10",
    });
    const untouched = await call(getKey, { token: other.accessToken, params: { id: otherKey.id } });
    expect(await untouched.json()).toMatchObject({ lastUsedAt: null, lastUsedIp: null });
  });
});

describe("per-tenant rollups (issue 10: a tenant's chart reads one row per bucket and outcome)", () => {
  async function tenantTotals(token: string, interval: string) {
    const res = await call(usage, { token, path: `/?interval=${interval}` });
    return (await res.json()).totals as Record<string, number>;
  }

  it("are the sum of the tenant's keys' rows, at every granularity, and no one else's", async () => {
    const owner = await createAccount("tenant-rollups");
    const other = await createAccount("tenant-rollups-other");
    const [k1, k2] = [await createTestKey(owner), await createTestKey(owner)];
    const stranger = await createTestKey(other);
    const at = Date.now();
    const minute = at - (at % 60_000);
    const earlier = minute - 60_000;
    await writeUsageBatch({
      id: `tenant-sum-${at}`,
      counts: [
        { tenantId: owner.tenantId, keyId: k1.id, minute, outcome: "VALID", count: 5 },
        { tenantId: owner.tenantId, keyId: k2.id, minute, outcome: "VALID", count: 2 },
        { tenantId: owner.tenantId, keyId: k2.id, minute: earlier, outcome: "RATE_LIMITED", count: 3 },
        { tenantId: other.tenantId, keyId: stranger.id, minute, outcome: "VALID", count: 100 },
      ],
      lastUsed: [],
      log: [],
    });
    await writeUsageBatch({
      id: `tenant-sum-again-${at}`,
      counts: [{ tenantId: owner.tenantId, keyId: k1.id, minute, outcome: "VALID", count: 1 }],
      lastUsed: [],
      log: [],
    });
    for (const interval of ["minute", "hour", "day"]) {
      expect(await tenantTotals(owner.accessToken, interval), interval).toEqual({
        VALID: 8,
        RATE_LIMITED: 3,
      });
      expect(await tenantTotals(other.accessToken, interval), interval).toEqual({ VALID: 100 });
    }
  });

  it("two instances flushing overlapping rows at once both commit (one lock order, no deadlock)", async () => {
    const owner = await createAccount("tenant-rollups-race");
    const keys = [];
    for (let i = 0; i < 40; i++) keys.push({ id: `key_race${i}` });
    const minute = Date.now() - (Date.now() % 60_000);
    const counts = keys.flatMap((key) =>
      ["VALID", "RATE_LIMITED", "IP_NOT_ALLOWED", "INSUFFICIENT_SCOPE"].map((outcome) => ({
        tenantId: owner.tenantId,
        keyId: key.id,
        minute,
        outcome,
        count: 1,
      })),
    );
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        writeUsageBatch({
          id: `race-${minute}-${owner.tenantId}-${i}`,
          counts: i % 2 === 0 ? counts : [...counts].reverse(),
          lastUsed: [],
          log: [],
        }),
      ),
    );
    expect(await tenantTotals(owner.accessToken, "day")).toEqual({
      VALID: 320,
      RATE_LIMITED: 320,
      IP_NOT_ALLOWED: 320,
      INSUFFICIENT_SCOPE: 320,
    });
  });
});

describe("per-key totals (issue 10: top keys read one row per key and bucket)", () => {
  it("sum every outcome and the failed ones, per key and bucket, and feed top keys", async () => {
    const owner = await createAccount("key-totals");
    const [busy, quiet] = [await createTestKey(owner), await createTestKey(owner)];
    const minute = Date.now() - (Date.now() % 60_000);
    await writeUsageBatch({
      id: `key-totals-${minute}-${owner.tenantId}`,
      counts: [
        { tenantId: owner.tenantId, keyId: busy.id, minute, outcome: "VALID", count: 7 },
        { tenantId: owner.tenantId, keyId: busy.id, minute, outcome: "RATE_LIMITED", count: 2 },
        { tenantId: owner.tenantId, keyId: busy.id, minute, outcome: "IP_NOT_ALLOWED", count: 1 },
        { tenantId: owner.tenantId, keyId: quiet.id, minute, outcome: "VALID", count: 3 },
      ],
      lastUsed: [],
      log: [],
    });
    const ctx = {
      tenantId: owner.tenantId,
      userId: owner.userId,
      role: "owner" as const,
      actor: { type: "system" as const },
      ip: "x",
    };
    for (const interval of ["minute", "hour", "day"] as const) {
      expect(await getTopKeys(ctx, { interval }), interval).toEqual([
        { keyId: busy.id, name: "Consumer key", total: 10, failed: 3 },
        { keyId: quiet.id, name: "Consumer key", total: 3, failed: 0 },
      ]);
    }
  });
});
