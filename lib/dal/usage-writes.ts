import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { usageRollups } from "@/db/schema";
import type { UsageBatch } from "@/lib/usage/usage-buffer";

/**
 * One transaction per flush: counts are added to their buckets (upsert), and last-used moves only
 * forward — a late flush from another instance never winds it back.
 */
export async function writeUsageBatch(batch: UsageBatch): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (let i = 0; i < batch.counts.length; i += 1000) {
      await tx
        .insert(usageRollups)
        .values(batch.counts.slice(i, i + 1000))
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
