import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { creditAlertsCrossed } from "@/lib/keys/credit-alerts";
import { type CreditRefill, nextRefillBoundary } from "@/lib/keys/credit-refill";
import { effectiveBalanceSql, refilledAtSql } from "./balance-sql";
import { queueCreditAlerts } from "./credit-events";

export type SpendOutcome =
  | { ok: true; credits: { remaining: number; nextRefillAt: string | null } | null }
  | { ok: false; remaining: number; nextRefillAt: string | null };

const refillColumns = {
  interval: apiKeys.creditsRefillInterval,
  amount: apiKeys.creditsRefillAmount,
  dayOfMonth: apiKeys.creditsRefillDay,
};

type RefillRow = {
  interval: CreditRefill["interval"] | null;
  amount: number | null;
  dayOfMonth: number | null;
};

function nextRefillAt(row: RefillRow, now: Date): string | null {
  if (!row.interval || row.amount === null) return null;
  const refill = { interval: row.interval, amount: row.amount, dayOfMonth: row.dayOfMonth };
  return new Date(nextRefillBoundary(refill, now.getTime())).toISOString();
}

function prepareSpends(db: Database) {
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  const balance = effectiveBalanceSql(now);
  const keyOfTenant = and(
    eq(apiKeys.id, sql.placeholder("keyId")),
    eq(apiKeys.tenantId, sql.placeholder("tenantId")),
  );
  const cost = sql`${sql.placeholder("cost")}::int`;
  return {
    spend: db
      .update(apiKeys)
      .set({ creditsRemaining: sql`${balance} - ${cost}`, creditsRefilledAt: refilledAtSql(now) })
      .where(and(keyOfTenant, isNotNull(apiKeys.creditsRemaining), sql`${balance} >= ${cost}`))
      .returning({
        remaining: apiKeys.creditsRemaining,
        baseline: apiKeys.creditsBaseline,
        periodStart: apiKeys.creditsRefilledAt,
        ...refillColumns,
      })
      .prepare("keydesk_spend_credits"),
    balance: db
      .select({
        remaining: balance,
        hasCredits: sql<boolean>`${apiKeys.creditsRemaining} is not null`,
        ...refillColumns,
      })
      .from(apiKeys)
      .where(keyOfTenant)
      .prepare("keydesk_credit_balance"),
  };
}

/** Prepared once per pool, as the verification look-ups are: built and planned once, not per spend. */
const prepared = new WeakMap<Database, ReturnType<typeof prepareSpends>>();

async function statements() {
  const db = await getDb();
  let found = prepared.get(db);
  if (!found) {
    found = prepareSpends(db);
    prepared.set(db, found);
  }
  return found;
}

/**
 * Spends `cost` credits of a key, exactly, across any number of instances: ONE conditional UPDATE
 * applies a due refill and subtracts the cost only if the balance covers it. PostgreSQL's row lock
 * and re-check (READ COMMITTED re-evaluates the WHERE on the newest row version) serialize
 * concurrent spends, so 1 000 requests against 100 credits get exactly 100 rows back.
 * Filtered by tenant in the same statement, as every DAL query is. Only a refusal reads again,
 * to say what is left.
 */
export async function spendCredits(
  ref: { tenantId: string; keyId: string },
  cost: number,
  now: Date,
): Promise<SpendOutcome> {
  const { spend, balance } = await statements();
  const args = { keyId: ref.keyId, tenantId: ref.tenantId, now: now.toISOString() };
  const [spent] = await spend.execute({ ...args, cost });
  if (spent) {
    // The balance before = what is left + the cost (the statement subtracted exactly that).
    const remaining = spent.remaining ?? 0;
    const alerts = creditAlertsCrossed(remaining + cost, remaining, spent.baseline);
    if (alerts.length > 0) queueCreditAlerts(ref, alerts, remaining, spent.periodStart, now);
    return { ok: true, credits: { remaining, nextRefillAt: nextRefillAt(spent, now) } };
  }
  const [current] = await balance.execute(args);
  // Credits removed since the key was cached: the key is unlimited now.
  if (current && !current.hasCredits) return { ok: true, credits: null };
  return {
    ok: false,
    remaining: Number(current?.remaining ?? 0),
    nextRefillAt: current ? nextRefillAt(current, now) : null,
  };
}
