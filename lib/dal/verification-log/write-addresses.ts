import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { keyAddresses } from "@/db/schema";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";

/** An address unseen by a key for this long is new again when it comes back (issue 14). */
export const ADDRESS_NEW_AFTER = sql`interval '30 days'`;
const ROWS_PER_INSERT = 1000;

type Seen = { tenantId: string; keyId: string; ip: string; first: number; last: number; count: number };

/** One row per (key, address) of the batch: its first and last moment, and how many verifications. */
function summarise(entries: readonly LogEntry[]): Seen[] {
  const seen = new Map<string, Seen>();
  for (const entry of entries) {
    const id = `${entry.tenantId}|${entry.keyId}|${entry.ip}`;
    const row = seen.get(id);
    if (!row) {
      const { tenantId, keyId, ip, at } = entry;
      seen.set(id, { tenantId, keyId, ip, first: at, last: at, count: entry.weight });
    } else {
      row.first = Math.min(row.first, entry.at);
      row.last = Math.max(row.last, entry.at);
      row.count += entry.weight;
    }
  }
  // One order for every writer, so two instances' upserts never wait on each other in a cycle.
  return [...seen.values()].sort((a, b) =>
    a.tenantId === b.tenantId
      ? a.keyId === b.keyId
        ? a.ip < b.ip
          ? -1
          : 1
        : a.keyId < b.keyId
          ? -1
          : 1
      : a.tenantId < b.tenantId
        ? -1
        : 1,
  );
}

/**
 * For each key of the batch that has no address yet, its earliest address of the batch: the key's
 * baseline, not flagged new (a key's first use is not news; a second address is). One query a batch.
 */
async function firstAddresses(tx: Transaction, seen: readonly Seen[]): Promise<Set<Seen>> {
  const pairs = sql.join(
    [...new Set(seen.map((row) => `${row.tenantId}|${row.keyId}`))].map((pair) => {
      const [tenantId, keyId] = pair.split("|");
      return sql`(${tenantId}, ${keyId})`;
    }),
    sql`, `,
  );
  const known = await tx
    .selectDistinct({ tenantId: keyAddresses.tenantId, keyId: keyAddresses.keyId })
    .from(keyAddresses)
    .where(sql`(${keyAddresses.tenantId}, ${keyAddresses.keyId}) in (${pairs})`);
  const used = new Set(known.map((row) => `${row.tenantId}|${row.keyId}`));
  const first = new Map<string, Seen>();
  for (const row of seen) {
    const pair = `${row.tenantId}|${row.keyId}`;
    if (used.has(pair)) continue;
    const earliest = first.get(pair);
    if (!earliest || row.first < earliest.first) first.set(pair, row);
  }
  return new Set(first.values());
}

/**
 * Inside the usage batch's transaction, after its log entries: a retried batch is not counted twice.
 * An address back after 30 days unseen starts a new "new" stretch; `last_seen_at` only moves forward,
 * so a late batch from another instance never winds it back.
 */
export async function writeKeyAddresses(tx: Transaction, entries: readonly LogEntry[]): Promise<void> {
  const seen = summarise(entries);
  if (seen.length === 0) return;
  const baselines = await firstAddresses(tx, seen);
  const rows = seen.map((row) => ({
    tenantId: row.tenantId,
    keyId: row.keyId,
    ip: row.ip,
    firstSeenAt: new Date(row.first),
    lastSeenAt: new Date(row.last),
    newSince: baselines.has(row) ? null : new Date(row.first),
    count: row.count,
  }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await tx
      .insert(keyAddresses)
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflictDoUpdate({
        target: [keyAddresses.tenantId, keyAddresses.keyId, keyAddresses.ip],
        set: {
          newSince: sql`case when excluded.first_seen_at >= ${keyAddresses.lastSeenAt} + ${ADDRESS_NEW_AFTER}
            then excluded.first_seen_at else ${keyAddresses.newSince} end`,
          firstSeenAt: sql`least(${keyAddresses.firstSeenAt}, excluded.first_seen_at)`,
          lastSeenAt: sql`greatest(${keyAddresses.lastSeenAt}, excluded.last_seen_at)`,
          count: sql`${keyAddresses.count} + excluded.count`,
        },
      });
  }
}
