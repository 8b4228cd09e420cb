import "server-only";
import { and, eq, lt, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  keyAddresses,
  scheduledJobs,
  usageKeyTotals,
  usageRollups,
  usageTenantRollups,
  verificationLog,
} from "@/db/schema";

/** What is kept (README, "Retention"): minute rows 48 h, hour rows 90 days, day rows for ever. */
export const MINUTE_ROWS_KEPT_MS = 48 * 3_600_000;
export const HOUR_ROWS_KEPT_MS = 90 * 86_400_000;
/** Rows per DELETE: short statements, so a first run over months of rows never holds locks for long. */
const CHUNK = 5_000;

/** An address unseen this long is forgotten: it would be "new" again anyway (write-addresses.ts). */
export const ADDRESSES_KEPT_MS = 30 * 86_400_000;

export type PruneReport = { logEntries: number; minuteRows: number; hourRows: number; addresses: number };

/**
 * Claims this period's run of `name` for the caller: one conditional upsert, so of two instances
 * asking at once exactly one gets it (the other waits on the row, then sees it moved).
 */
export async function claimScheduledRun(name: string, now: Date, intervalMs: number): Promise<boolean> {
  const db = await getDb();
  const due = new Date(now.getTime() - intervalMs);
  const claimed = await db
    .insert(scheduledJobs)
    .values({ name, lastRunAt: now })
    .onConflictDoUpdate({
      target: scheduledJobs.name,
      set: { lastRunAt: now },
      setWhere: sql`${scheduledJobs.lastRunAt} <= ${due.toISOString()}::timestamptz`,
    })
    .returning({ name: scheduledJobs.name });
  return claimed.length > 0;
}

/** Deletes what `where` selects, a chunk at a time; idempotent, so two instances at once are safe. */
async function deleteInChunks(table: PgTable, where: SQL | undefined): Promise<number> {
  const db = await getDb();
  let deleted = 0;
  for (;;) {
    // ctid: these tables have composite keys; a chunk is picked and deleted in one statement.
    const rows = await db
      .delete(table)
      .where(sql`ctid = any(array(select ctid from ${table} where ${where} limit ${CHUNK}))`)
      .returning({ one: sql<number>`1` });
    deleted += rows.length;
    if (rows.length < CHUNK) return deleted;
  }
}

/** Every tenant's log entries and rollup rows past their retention at `now`. */
export async function pruneExpired(now: Date, logDays: number): Promise<PruneReport> {
  const logCutoff = new Date(now.getTime() - logDays * 86_400_000);
  const minuteCutoff = new Date(now.getTime() - MINUTE_ROWS_KEPT_MS);
  const hourCutoff = new Date(now.getTime() - HOUR_ROWS_KEPT_MS);
  const logEntries = await deleteInChunks(verificationLog, lt(verificationLog.at, logCutoff));
  let minuteRows = 0;
  let hourRows = 0;
  for (const table of [usageRollups, usageTenantRollups, usageKeyTotals]) {
    minuteRows += await deleteInChunks(
      table,
      and(eq(table.granularity, "minute"), lt(table.bucketStart, minuteCutoff)),
    );
    hourRows += await deleteInChunks(
      table,
      and(eq(table.granularity, "hour"), lt(table.bucketStart, hourCutoff)),
    );
  }
  const addresses = await deleteInChunks(
    keyAddresses,
    lt(keyAddresses.lastSeenAt, new Date(now.getTime() - ADDRESSES_KEPT_MS)),
  );
  return { logEntries, minuteRows, hourRows, addresses };
}
