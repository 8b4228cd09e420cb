import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { keyAddresses } from "@/db/schema";
import { compare } from "@/lib/usage/buckets";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";
import { jsonChunks } from "../json-rows";
import { rowsOf } from "../key-alerts/key-notices";

/** An address unseen by a key for this long is new again when it comes back (issue 14). */
export const ADDRESS_NEW_AFTER = sql`interval '30 days'`;

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
  return [...seen.values()].sort(
    (a, b) => compare(a.tenantId, b.tenantId) || compare(a.keyId, b.keyId) || compare(a.ip, b.ip),
  );
}

/**
 * For each key of the batch that has no address yet, its earliest address of the batch: the key's
 * baseline, not flagged new (a key's first use is not news; a second address is). One query a batch.
 */
async function firstAddresses(tx: Transaction, seen: readonly Seen[]): Promise<Set<Seen>> {
  const pairs = [...new Set(seen.map((row) => `${row.tenantId}|${row.keyId}`))].map((pair) => {
    const [tenant_id, key_id] = pair.split("|");
    return { tenant_id, key_id };
  });
  const known = rowsOf<{ tenant_id: string; key_id: string }>(
    await tx.execute(sql`
      select distinct a.tenant_id, a.key_id from ${keyAddresses} a
      where (a.tenant_id, a.key_id) in (
        select p.tenant_id, p.key_id from json_to_recordset(${JSON.stringify(pairs)}::json) as p (tenant_id text, key_id text))`),
  );
  const used = new Set(known.map((row) => `${row.tenant_id}|${row.key_id}`));
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
  const toRow = (row: Seen) => ({
    tenant_id: row.tenantId,
    key_id: row.keyId,
    ip: row.ip,
    first_seen_at: new Date(row.first).toISOString(),
    last_seen_at: new Date(row.last).toISOString(),
    new_since: baselines.has(row) ? null : new Date(row.first).toISOString(),
    count: row.count,
  });
  // In the sorted order, statement after statement; each statement's rows as one JSON parameter.
  for (const batch of jsonChunks(seen, toRow)) {
    await tx.execute(sql`
      insert into ${keyAddresses} as kept (tenant_id, key_id, ip, first_seen_at, last_seen_at, new_since, count)
      select tenant_id, key_id, ip, first_seen_at, last_seen_at, new_since, count
      from json_to_recordset(${batch}::json) as r (tenant_id text, key_id text, ip text,
        first_seen_at timestamptz, last_seen_at timestamptz, new_since timestamptz, count bigint)
      on conflict (tenant_id, key_id, ip) do update set
        new_since = case when excluded.first_seen_at >= kept.last_seen_at + ${ADDRESS_NEW_AFTER}
          then excluded.first_seen_at else kept.new_since end,
        first_seen_at = least(kept.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(kept.last_seen_at, excluded.last_seen_at),
        count = kept.count + excluded.count`);
  }
}
