import { bigint, bigserial, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

/**
 * One row per logged verification of a key (issue 14), written in batches with usage (never one
 * insert per request) and deleted after VERIFICATION_LOG_DAYS by the retention job.
 * `weight` > 1: the entry stands for that many verifications, the others were not kept (sampling
 * above VERIFICATION_LOG_SAMPLE_PER_SECOND, see lib/usage/verification-log-buffer.ts).
 */
export const verificationLog = pgTable(
  "verification_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    keyId: text("key_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    ip: text("ip").notNull(),
    /** `whoami` or `verify`. */
    path: text("path").notNull(),
    /** whoami only, truncated (lib/usage/verification-log-buffer.ts). */
    userAgent: text("user_agent"),
    /** verify only: the scopes the caller required, space-separated. */
    scopes: text("scopes"),
    weight: integer("weight").notNull().default(1),
  },
  (t) => [
    // The key page reads newest first with an (at, id) cursor: one index walk per page.
    index("verification_log_key_idx").on(t.tenantId, t.keyId, t.at.desc(), t.id.desc()),
    // The retention job deletes by age across tenants.
    index("verification_log_at_idx").on(t.at),
  ],
);

/**
 * When each periodic job last ran, shared by every instance: an instance claims a run by moving
 * `last_run_at` forward in one conditional statement, so two instances never both run it.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
});

/**
 * The addresses each key was used from (issue 14), upserted from the log entries of each usage batch
 * in the same transaction, so the verification path does nothing for them. `new_since`: when the
 * address (re)appeared after 30 days or more unseen for that key — "new" while that is recent; null
 * for the first address a key was ever used from, its baseline, which is not news.
 * Rows unseen for 30 days are deleted by the retention job (they would be new again anyway).
 */
export const keyAddresses = pgTable(
  "key_addresses",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    keyId: text("key_id").notNull(),
    ip: text("ip").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    newSince: timestamp("new_since", { withTimezone: true }),
    /** Verifications from this address (sampled log entries count their weight). */
    count: bigint("count", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.keyId, t.ip] }),
    // The usage page: the tenant's addresses new in the last 24 h.
    index("key_addresses_new_idx").on(t.tenantId, t.newSince),
    // Retention deletes by age across tenants.
    index("key_addresses_last_seen_idx").on(t.lastSeenAt),
  ],
);
