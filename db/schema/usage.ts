import { integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
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
  (t) => [primaryKey({ columns: [t.tenantId, t.granularity, t.bucketStart, t.keyId, t.outcome] })],
);
