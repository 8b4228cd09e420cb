import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { usageKeyTotals, usageRollups, usageTenantRollups, verificationLog } from "@/db/schema";
import { claimScheduledRun, pruneExpired } from "@/lib/dal/retention";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import { createRetentionJob, RETENTION_INTERVAL_MS } from "@/lib/retention/retention-job";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";
import { createAccount, type TestAccount } from "../accounts";
import { createTestKey } from "../verification";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let account: TestAccount;

beforeAll(async () => {
  account = await createAccount("retention");
});

/** One VALID verification at each age (ms before `now`), logged and counted, as flushes write them. */
async function verificationsAt(keyId: string, now: number, ages: number[]) {
  const log: LogEntry[] = ages.map((age, i) => ({
    tenantId: account.tenantId,
    keyId,
    at: now - age,
    outcome: "VALID",
    ip: `192.0.2.${i + 1}`,
    route: "verify",
    userAgent: null,
    scopes: null,
    weight: 1,
  }));
  const counts = ages.map((age) => {
    const at = now - age;
    return { tenantId: account.tenantId, keyId, minute: at - (at % 60_000), outcome: "VALID", count: 1 };
  });
  await writeUsageBatch({ id: randomUUID(), counts, lastUsed: [], log });
}

async function logAges(keyId: string, now: number) {
  const rows = await (await getDb())
    .select({ at: verificationLog.at })
    .from(verificationLog)
    .where(and(eq(verificationLog.tenantId, account.tenantId), eq(verificationLog.keyId, keyId)));
  return rows.map((row) => Math.round((now - row.at.getTime()) / HOUR)).sort((a, b) => a - b);
}

async function bucketsOf(keyId: string, granularity: "minute" | "hour" | "day") {
  const db = await getDb();
  const where = (t: typeof usageRollups | typeof usageKeyTotals) =>
    and(eq(t.tenantId, account.tenantId), eq(t.keyId, keyId), eq(t.granularity, granularity));
  const perKey = await db
    .select({ t: usageRollups.bucketStart })
    .from(usageRollups)
    .where(where(usageRollups));
  const totals = await db
    .select({ t: usageKeyTotals.bucketStart })
    .from(usageKeyTotals)
    .where(where(usageKeyTotals));
  const tenant = await db
    .select({ t: usageTenantRollups.bucketStart })
    .from(usageTenantRollups)
    .where(
      and(eq(usageTenantRollups.tenantId, account.tenantId), eq(usageTenantRollups.granularity, granularity)),
    );
  return { perKey: perKey.length, totals: totals.length, tenant: tenant.length };
}

describe("pruneExpired (a controllable clock: `now` is an argument)", () => {
  it("deletes log entries past VERIFICATION_LOG_DAYS, minute rows past 48 h, hour rows past 90 days; keeps day rows", async () => {
    const key = await createTestKey(account);
    // Real now, so other suites' fresh rows (same database) are never past any retention.
    const now = Date.now();
    const ages = [HOUR, 47 * HOUR, 49 * HOUR, 6 * DAY, 8 * DAY, 89 * DAY, 91 * DAY, 400 * DAY];
    await verificationsAt(key.id, now, ages);
    expect(await bucketsOf(key.id, "minute")).toMatchObject({ perKey: 8, totals: 8 });

    const report = await pruneExpired(new Date(now), 7);
    expect(report.logEntries).toBeGreaterThanOrEqual(4);

    // Log: 7 days.
    expect(await logAges(key.id, now)).toEqual([1, 47, 49, 144]);
    // Minute rows: 48 h, in every table that holds them.
    expect(await bucketsOf(key.id, "minute")).toEqual({ perKey: 2, totals: 2, tenant: 2 });
    // Hour rows: 90 days.
    expect(await bucketsOf(key.id, "hour")).toEqual({ perKey: 6, totals: 6, tenant: 6 });
    // Day rows: for ever (one per distinct day; none deleted).
    const days = new Set(ages.map((age) => Math.floor((now - age) / DAY))).size;
    expect(await bucketsOf(key.id, "day")).toEqual({ perKey: days, totals: days, tenant: days });

    // A second run finds nothing more for this key.
    await pruneExpired(new Date(now), 7);
    expect(await logAges(key.id, now)).toEqual([1, 47, 49, 144]);
  });

  it("a shorter VERIFICATION_LOG_DAYS keeps less", async () => {
    const key = await createTestKey(account);
    const now = Date.now();
    await verificationsAt(key.id, now, [HOUR, 30 * HOUR]);
    await pruneExpired(new Date(now), 1);
    expect(await logAges(key.id, now)).toEqual([1]);
  });

  it("two instances pruning at once both finish, and delete each row once", async () => {
    const key = await createTestKey(account);
    const now = Date.now();
    await verificationsAt(key.id, now, [HOUR, 10 * DAY, 11 * DAY, 12 * DAY]);
    const [a, b] = await Promise.all([pruneExpired(new Date(now), 7), pruneExpired(new Date(now), 7)]);
    expect(a.logEntries + b.logEntries).toBeGreaterThanOrEqual(3);
    expect(await logAges(key.id, now)).toEqual([1]);
  });
});

describe("the daily run", () => {
  it("of two instances ticking at once, exactly one runs; the next run is a day later", async () => {
    // A job name of its own: the real "retention" row is left to the server.
    const name = `retention-test-${randomUUID()}`;
    let clock = Date.now();
    const pruned: number[] = [];
    const instance = () =>
      createRetentionJob({
        claim: (now) => claimScheduledRun(name, now, RETENTION_INTERVAL_MS),
        prune: async (now) => {
          pruned.push(now.getTime());
          return now.getTime();
        },
        now: () => clock,
      });
    const [one, two] = [instance(), instance()];
    const first = await Promise.all([one.tick(), two.tick()]);
    expect(first.filter((ran) => ran !== null)).toHaveLength(1);

    clock += 23 * HOUR;
    expect(await Promise.all([one.tick(), two.tick()])).toEqual([null, null]);

    clock += HOUR;
    const next = await Promise.all([two.tick(), one.tick()]);
    expect(next.filter((ran) => ran !== null)).toHaveLength(1);
    expect(pruned).toHaveLength(2);
  });

  it("start() checks on its timer and stop() waits for a run under way", async () => {
    const name = `retention-test-${randomUUID()}`;
    let runs = 0;
    let asked!: () => void;
    const firstCheck = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const job = createRetentionJob({
      claim: (now) => {
        asked();
        return claimScheduledRun(name, now, RETENTION_INTERVAL_MS);
      },
      prune: async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        runs++;
      },
      checkEveryMs: 5,
    });
    job.start(1);
    await firstCheck;
    await job.stop();
    expect(runs).toBe(1);
  });
});
