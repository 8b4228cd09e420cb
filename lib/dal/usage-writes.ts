import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, usageFlushes, usageKeyTotals, usageRollups, usageTenantRollups } from "@/db/schema";
import {
  byRowKey,
  compare,
  type KeyTotal,
  type TenantUsageCount,
  toKeyTotals,
  toRollups,
  toTenantRollups,
  type UsageCount,
} from "@/lib/usage/buckets";
import type { LastUsed, UsageBatch } from "@/lib/usage/usage-buffer";
import { jsonChunks } from "./json-rows";
import { writeKeyAddresses } from "./verification-log/write-addresses";
import { writeLogEntries } from "./verification-log/write-log";

/** Long enough for any retry of a batch (see usage-buffer.ts); the table stays small. */
const FLUSH_IDS_KEPT = sql`interval '1 day'`;

/**
 * One transaction per batch. Its id goes in first: if it is already there, an earlier attempt
 * committed (its reply was lost) and nothing is counted again. Counts are added to their buckets
 * (upsert): per key and outcome, per tenant, and per key over all outcomes. Last-used moves only
 * forward: a late flush from another instance never winds it back.
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
    // Rows in one sorted order, statement after statement (see byRowKey), each statement's rows as
    // one JSON parameter (lib/dal/json-rows.ts).
    const rollups = toRollups(batch.counts).sort(byRowKey);
    for (const rows of jsonChunks(rollups, rollupRow)) {
      await tx.execute(sql`
        insert into ${usageRollups} as kept (tenant_id, granularity, bucket_start, key_id, outcome, count)
        select tenant_id, granularity, bucket_start, key_id, outcome, count
        from json_to_recordset(${rows}::json) as r (tenant_id text, granularity usage_granularity,
          bucket_start timestamptz, key_id text, outcome text, count integer)
        on conflict (tenant_id, granularity, bucket_start, key_id, outcome)
        do update set count = kept.count + excluded.count`);
    }
    for (const rows of jsonChunks(toTenantRollups(rollups).sort(byRowKey), tenantRollupRow)) {
      await tx.execute(sql`
        insert into ${usageTenantRollups} as kept (tenant_id, granularity, bucket_start, outcome, count)
        select tenant_id, granularity, bucket_start, outcome, count
        from json_to_recordset(${rows}::json) as r (tenant_id text, granularity usage_granularity,
          bucket_start timestamptz, outcome text, count bigint)
        on conflict (tenant_id, granularity, bucket_start, outcome)
        do update set count = kept.count + excluded.count`);
    }
    for (const rows of jsonChunks(toKeyTotals(rollups).sort(byRowKey), keyTotalRow)) {
      await tx.execute(sql`
        insert into ${usageKeyTotals} as kept (tenant_id, granularity, bucket_start, key_id, total, failed)
        select tenant_id, granularity, bucket_start, key_id, total, failed
        from json_to_recordset(${rows}::json) as r (tenant_id text, granularity usage_granularity,
          bucket_start timestamptz, key_id text, total bigint, failed bigint)
        on conflict (tenant_id, granularity, bucket_start, key_id)
        do update set total = kept.total + excluded.total, failed = kept.failed + excluded.failed`);
    }
    await writeLogEntries(tx, batch.log);
    await writeKeyAddresses(tx, batch.log);
    // In key order too: two instances updating the same keys lock them in the same order.
    const lastUsed = [...batch.lastUsed].sort(byKey);
    for (const rows of jsonChunks(lastUsed, lastUsedRow)) {
      await tx.execute(sql`
        update ${apiKeys} as k set last_used_at = v.at, last_used_ip = v.ip
        from json_to_recordset(${rows}::json) as v (id text, tenant_id text, at timestamptz, ip text)
        where k.id = v.id and k.tenant_id = v.tenant_id and (k.last_used_at is null or k.last_used_at < v.at)`);
    }
  });
}

function rollupRow(row: UsageCount) {
  return { ...tenantRollupRow(row), key_id: row.keyId };
}

/** The columns every usage table's row starts with: whose, and which bucket. */
function bucketRow(row: Pick<TenantUsageCount, "tenantId" | "granularity" | "bucketStart">) {
  return {
    tenant_id: row.tenantId,
    granularity: row.granularity,
    bucket_start: row.bucketStart.toISOString(),
  };
}

function tenantRollupRow(row: TenantUsageCount) {
  return { ...bucketRow(row), outcome: row.outcome, count: row.count };
}

function keyTotalRow(row: KeyTotal) {
  return { ...bucketRow(row), key_id: row.keyId, total: row.total, failed: row.failed };
}

function byKey(a: LastUsed, b: LastUsed): number {
  return compare(a.tenantId, b.tenantId) || compare(a.keyId, b.keyId);
}

function lastUsedRow(row: LastUsed) {
  return { id: row.keyId, tenant_id: row.tenantId, at: row.at.toISOString(), ip: row.ip };
}
