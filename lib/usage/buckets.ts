/**
 * Usage is counted per key, outcome and minute; hour and day rows are derived from the minute
 * counts when a batch is written, so one dropped entry (see usage-buffer.ts) is one whole minute
 * of one key's outcome, missing from every granularity alike.
 */
export type Granularity = "minute" | "hour" | "day";

export const GRANULARITY_MS: Record<Granularity, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

export function bucketStart(at: number, granularity: Granularity): number {
  return at - (at % GRANULARITY_MS[granularity]);
}

/** One key's count of one outcome in one minute, as the buffer holds it. */
export type MinuteCount = { tenantId: string; keyId: string; minute: number; outcome: string; count: number };

/** A row of `usage_rollups`. */
export type UsageCount = {
  tenantId: string;
  keyId: string;
  granularity: Granularity;
  bucketStart: Date;
  outcome: string;
  count: number;
};

/**
 * Minute counts to rollup rows of every granularity, one row per (granularity, bucket, key,
 * outcome): an upsert may not touch the same row twice in one statement.
 */
export function toRollups(counts: readonly MinuteCount[]): UsageCount[] {
  const rows = new Map<string, UsageCount>();
  for (const count of counts) {
    for (const granularity of ["minute", "hour", "day"] as const) {
      const start = bucketStart(count.minute, granularity);
      const id = `${granularity}|${start}|${count.keyId}|${count.outcome}`;
      const row = rows.get(id);
      if (row) row.count += count.count;
      else
        rows.set(id, {
          tenantId: count.tenantId,
          keyId: count.keyId,
          granularity,
          bucketStart: new Date(start),
          outcome: count.outcome,
          count: count.count,
        });
    }
  }
  return [...rows.values()];
}

/** A row of `usage_tenant_rollups`: a tenant's count of one outcome in one bucket, all keys together. */
export type TenantUsageCount = Omit<UsageCount, "keyId">;

/** Rollup rows summed over keys, one per (tenant, granularity, bucket, outcome). */
export function toTenantRollups(rows: readonly UsageCount[]): TenantUsageCount[] {
  const sums = new Map<string, TenantUsageCount>();
  for (const row of rows) {
    const id = `${row.tenantId}|${row.granularity}|${row.bucketStart.getTime()}|${row.outcome}`;
    const sum = sums.get(id);
    if (sum) sum.count += row.count;
    else {
      const { tenantId, granularity, bucketStart, outcome, count } = row;
      sums.set(id, { tenantId, granularity, bucketStart, outcome, count });
    }
  }
  return [...sums.values()];
}

/** A row of `usage_key_totals`: a key's count of every outcome, and of failures, in one bucket. */
export type KeyTotal = Omit<UsageCount, "outcome" | "count"> & { total: number; failed: number };

/** Rollup rows summed over outcomes, one per (tenant, granularity, bucket, key). */
export function toKeyTotals(rows: readonly UsageCount[]): KeyTotal[] {
  const sums = new Map<string, KeyTotal>();
  for (const row of rows) {
    const id = `${row.tenantId}|${row.granularity}|${row.bucketStart.getTime()}|${row.keyId}`;
    const failed = row.outcome === "VALID" ? 0 : row.count;
    const sum = sums.get(id);
    if (sum) {
      sum.total += row.count;
      sum.failed += failed;
    } else {
      const { tenantId, granularity, bucketStart, keyId } = row;
      sums.set(id, { tenantId, granularity, bucketStart, keyId, total: row.count, failed });
    }
  }
  return [...sums.values()];
}

/**
 * One order for every writer: instances upserting overlapping rows lock them in the same order, so
 * two concurrent flushes wait for each other instead of deadlocking.
 */
type RowKey = {
  tenantId: string;
  granularity: Granularity;
  bucketStart: Date;
  keyId?: string;
  outcome?: string;
};

export function byRowKey(a: RowKey, b: RowKey): number {
  return (
    compare(a.tenantId, b.tenantId) ||
    compare(a.granularity, b.granularity) ||
    a.bucketStart.getTime() - b.bucketStart.getTime() ||
    compare(a.keyId ?? "", b.keyId ?? "") ||
    compare(a.outcome ?? "", b.outcome ?? "")
  );
}

/** Code-unit order of two strings: the one order every writer sorts its rows by. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
