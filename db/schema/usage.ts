import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

export const usageGranularityEnum = pgEnum("usage_granularity", ["minute", "hour", "day"]);

/**
 * Verification outcomes counted per key, per bucket, per outcome code. Written in batches by the
 * usage buffer and rolled up into hour and day buckets so a 30-day chart never scans raw rows.
 */
export const usageRollups = pgTable(
  "usage_rollups",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    keyId: text("key_id").notNull(),
    granularity: usageGranularityEnum("granularity").notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.granularity, t.bucketStart, t.keyId, t.outcome] }),
    // One key's chart reads its own rows only, not every key's rows of the range.
    index("usage_rollups_key_idx").on(t.tenantId, t.keyId, t.granularity, t.bucketStart),
  ],
);

/**
 * The same counts summed over the tenant's keys, written in the same transaction: the tenant's
 * chart reads one row per bucket and outcome, however many keys it has (SPEC §7, issue 10).
 * bigint: a tenant with no rate limit can pass 2^31 verifications in a day.
 */
export const usageTenantRollups = pgTable(
  "usage_tenant_rollups",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    granularity: usageGranularityEnum("granularity").notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.granularity, t.bucketStart, t.outcome] })],
);

/**
 * Each key's count of all outcomes, and of the failed ones, per bucket, written in the same
 * transaction: "top keys" over 30 days sums one row per key and day instead of one per key, day and
 * outcome (a fifth as many with the four failure codes a busy key sees).
 */
export const usageKeyTotals = pgTable(
  "usage_key_totals",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    granularity: usageGranularityEnum("granularity").notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    keyId: text("key_id").notNull(),
    total: bigint("total", { mode: "number" }).notNull().default(0),
    failed: bigint("failed", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.granularity, t.bucketStart, t.keyId] }),
    // The failure-spike job reads the last minutes of every tenant. On bucket_start, not on
    // `failed`: the flush's upserts change only counts, so they stay HOT updates.
    index("usage_key_totals_recent_minutes_idx").on(t.bucketStart).where(sql`${t.granularity} = 'minute'`),
  ],
);

/**
 * Ids of usage batches already written, in the same transaction as their counts: a batch retried
 * after a lost commit reply is recognised and not counted twice. Rows older than a day are pruned.
 */
export const usageFlushes = pgTable(
  "usage_flushes",
  {
    id: text("id").primaryKey(),
    flushedAt: timestamp("flushed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("usage_flushes_flushed_at_idx").on(t.flushedAt)],
);
