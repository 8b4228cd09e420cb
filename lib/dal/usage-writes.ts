import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { usageFlushes, usageKeyTotals, usageRollups, usageTenantRollups } from "@/db/schema";
import { byRowKey, toKeyTotals, toRollups, toTenantRollups } from "@/lib/usage/buckets";
import type { UsageBatch } from "@/lib/usage/usage-buffer";
import { writeKeyAddresses } from "./verification-log/write-addresses";
import { writeLogEntries } from "./verification-log/write-log";

/** Long enough for any retry of a batch (see usage-buffer.ts); the table stays small. */
const FLUSH_IDS_KEPT = sql`interval '1 day'`;

/**
 * One transaction per batch. Its id goes in first: if it is already there, an earlier attempt
 * committed (its reply was lost) and nothing is counted again. Counts are added to their buckets
 * (upsert) — per key and outcome, per tenant, and per key over all outcomes — and last-used moves only forward — a late flush from another
 * instance never winds it back.
 */
export async function writeUsageBatch(batch: UsageBatch): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const fresh = await tx
      .insert(usageFlushes)
      .values({ id: batch.id })
      .onConflictDoNothing()
      .returning({ id: usageFlushes.id });
    if (fresh.length === 0) return;
    await tx.delete(usageFlushes).where(sql`${usageFlushes.flushedAt} < now() - ${FLUSH_IDS_KEPT}`);
    const rollups = toRollups(batch.counts).sort(byRowKey);
    for (let i = 0; i < rollups.length; i += 1000) {
      await tx
        .insert(usageRollups)
        .values(rollups.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [
            usageRollups.tenantId,
            usageRollups.granularity,
            usageRollups.bucketStart,
            usageRollups.keyId,
            usageRollups.outcome,
          ],
          set: { count: sql`${usageRollups.count} + excluded.count` },
        });
    }
    const tenantRollups = toTenantRollups(rollups).sort(byRowKey);
    for (let i = 0; i < tenantRollups.length; i += 1000) {
      await tx
        .insert(usageTenantRollups)
        .values(tenantRollups.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [
            usageTenantRollups.tenantId,
            usageTenantRollups.granularity,
            usageTenantRollups.bucketStart,
            usageTenantRollups.outcome,
          ],
          set: { count: sql`${usageTenantRollups.count} + excluded.count` },
        });
    }
    const keyTotals = toKeyTotals(rollups).sort(byRowKey);
    for (let i = 0; i < keyTotals.length; i += 1000) {
      await tx
        .insert(usageKeyTotals)
        .values(keyTotals.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [
            usageKeyTotals.tenantId,
            usageKeyTotals.granularity,
            usageKeyTotals.bucketStart,
            usageKeyTotals.keyId,
          ],
          set: {
            total: sql`${usageKeyTotals.total} + excluded.total`,
            failed: sql`${usageKeyTotals.failed} + excluded.failed`,
          },
        });
    }
    await writeLogEntries(tx, batch.log);
    await writeKeyAddresses(tx, batch.log);
    if (batch.lastUsed.length === 0) return;
    const rows = sql.join(
      batch.lastUsed.map(
        (u) =>
          sql`(${u.keyId}::text, ${u.tenantId}::text, ${u.at.toISOString()}::timestamptz, ${u.ip}::text)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update api_keys as k set last_used_at = v.at, last_used_ip = v.ip
      from (values ${rows}) as v(id, tenant_id, at, ip)
      where k.id = v.id and k.tenant_id = v.tenant_id and (k.last_used_at is null or k.last_used_at < v.at)`);
  });
}
