import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, usageKeyTotals, usageRollups, usageTenantRollups } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { TopKey, UsageQuery, UsageSeries } from "@/lib/schemas/usage";
import { bucketStart, type Granularity } from "@/lib/usage/usage-buffer";
import type { TenantContext } from "./context";

const STEP_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
/** Enough for 30 days by hour or a day by minute; more points than a chart can show is an error. */
const MAX_POINTS = 1_500;

function pickInterval(spanMs: number): Granularity {
  if (spanMs <= 3 * 3_600_000) return "minute";
  if (spanMs <= 8 * 86_400_000) return "hour";
  return "day";
}

/** Resolves defaults (last 24 h) and refuses ranges that are inverted or would be too many points. */
export function resolveRange(query: UsageQuery, now = Date.now()) {
  const to = query.to ? Date.parse(query.to) : now;
  const from = query.from ? Date.parse(query.from) : to - 86_400_000;
  if (from >= to) {
    throw new AppError("VALIDATION_ERROR", "from: must be before to.", {
      fields: [{ path: "from", message: "Must be before to." }],
    });
  }
  const interval = query.interval ?? pickInterval(to - from);
  const start = bucketStart(from, interval);
  const points = Math.ceil((to - start) / STEP_MS[interval]);
  if (points > MAX_POINTS) {
    const message = `${points} ${interval} buckets is too many; use a coarser interval.`;
    throw new AppError("VALIDATION_ERROR", `interval: ${message}`, {
      fields: [{ path: "interval", message }],
    });
  }
  return { from: start, to, interval };
}

export type Range = { from: number; to: number; interval: Granularity };

/** The tenant's rollup rows (of `table`: per key, or per tenant) of one granularity in [from, to). */
export function inRange(
  table: typeof usageRollups | typeof usageTenantRollups | typeof usageKeyTotals,
  ctx: TenantContext,
  range: Range,
) {
  return and(
    eq(table.tenantId, ctx.tenantId),
    eq(table.granularity, range.interval),
    gte(table.bucketStart, new Date(range.from)),
    lt(table.bucketStart, new Date(range.to)),
  );
}

/**
 * Counts by bucket and outcome: one key's from its own rollups (index usage_rollups_key_idx), the
 * whole tenant's from the per-tenant rollups, so a chart costs the same with a thousand keys as
 * with one (SPEC §7: rollups, not scans).
 */
async function countsByBucket(ctx: TenantContext, range: Range, keyId: string | undefined) {
  const db = await getDb();
  if (keyId) {
    return db
      .select({
        t: usageRollups.bucketStart,
        outcome: usageRollups.outcome,
        count: sql`sum(${usageRollups.count})`.mapWith(Number),
      })
      .from(usageRollups)
      .where(and(inRange(usageRollups, ctx, range), eq(usageRollups.keyId, keyId)))
      .groupBy(usageRollups.bucketStart, usageRollups.outcome);
  }
  return db
    .select({
      t: usageTenantRollups.bucketStart,
      outcome: usageTenantRollups.outcome,
      count: usageTenantRollups.count,
    })
    .from(usageTenantRollups)
    .where(inRange(usageTenantRollups, ctx, range));
}

/**
 * Verification counts by bucket and outcome from the rollups (never raw events), with empty buckets
 * filled so a chart's time axis is continuous.
 */
export async function getUsage(
  ctx: TenantContext,
  query: UsageQuery,
  now = Date.now(),
): Promise<UsageSeries> {
  const range = resolveRange(query, now);
  return toSeries(await countsByBucket(ctx, range, query.keyId), range);
}

/** Rows of (bucket, outcome, count) as a chart's series, empty buckets filled in. */
export function toSeries(
  rows: readonly { t: Date; outcome: string; count: number }[],
  { from, to, interval }: Range,
): UsageSeries {
  const byBucket = new Map<number, Record<string, number>>();
  const totals: Record<string, number> = {};
  for (const row of rows) {
    const t = row.t.getTime();
    const outcomes = byBucket.get(t) ?? {};
    outcomes[row.outcome] = (outcomes[row.outcome] ?? 0) + row.count;
    byBucket.set(t, outcomes);
    totals[row.outcome] = (totals[row.outcome] ?? 0) + row.count;
  }
  const series: UsageSeries["series"] = [];
  for (let t = from; t < to; t += STEP_MS[interval])
    series.push({ t: new Date(t).toISOString(), outcomes: byBucket.get(t) ?? {} });
  return { interval, from: new Date(from).toISOString(), to: new Date(to).toISOString(), series, totals };
}

/**
 * The busiest keys in a range, with how many of their verifications failed: from each key's totals
 * per bucket (one row per key and bucket, not per outcome), summed per key first, and only the top
 * `limit` joined to their names.
 */
export async function getTopKeys(
  ctx: TenantContext,
  query: UsageQuery,
  limit = 5,
  now = Date.now(),
): Promise<TopKey[]> {
  const { from, to, interval } = resolveRange(query, now);
  const db = await getDb();
  const top = db
    .select({
      keyId: usageKeyTotals.keyId,
      total: sql`sum(${usageKeyTotals.total})`.as("total"),
      failed: sql`sum(${usageKeyTotals.failed})`.as("failed"),
    })
    .from(usageKeyTotals)
    .where(inRange(usageKeyTotals, ctx, { from, to, interval }))
    .groupBy(usageKeyTotals.keyId)
    .orderBy(desc(sql`total`))
    .limit(limit)
    .as("top");
  return db
    .select({
      keyId: top.keyId,
      name: apiKeys.name,
      total: sql`${top.total}`.mapWith(Number),
      failed: sql`${top.failed}`.mapWith(Number),
    })
    .from(top)
    .innerJoin(apiKeys, and(eq(apiKeys.id, top.keyId), eq(apiKeys.tenantId, ctx.tenantId)))
    .orderBy(desc(top.total));
}
