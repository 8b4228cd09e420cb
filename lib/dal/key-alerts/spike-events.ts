import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { usageKeyTotals } from "@/db/schema";
import { enqueueWebhookEvent } from "../webhooks/outbox";
import { claimNotices, rowsOf, tenantFilter } from "./key-notices";
import { keyDtosFor, refId } from "./notice-keys";

export const SPIKE_WINDOW_MINUTES = 5;
const NOTICE = "usage.failure_spike";

/**
 * One pass of the failure-spike job (issue 13): keys whose failed verifications over the last
 * 5 minute buckets exceed `threshold` get `usage.failure_spike`, at most once an hour each (the
 * notice's mark is when it was last sent). Read from the per-key minute totals the usage flush
 * already writes (`failed` = every outcome but VALID), so the verification path does no extra work;
 * a spike shows once its minute is flushed.
 */
export async function queueFailureSpikeEvents(
  now: Date,
  threshold: number,
  onlyTenantIds?: string[],
): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const spikes = sql`
    select t.tenant_id, t.key_id, sum(t.failed)::bigint as failures from ${usageKeyTotals} t
    where t.granularity = 'minute' and t.bucket_start > ${at} - make_interval(mins => ${SPIKE_WINDOW_MINUTES})
      and t.bucket_start <= ${at} and ${tenantFilter(sql`t.tenant_id`, onlyTenantIds)}
    group by t.tenant_id, t.key_id having sum(t.failed) > ${threshold}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = rowsOf<{ tenant_id: string; key_id: string; failures: string | number }>(
      await tx.execute(spikes),
    );
    if (found.length === 0) return 0;
    const candidates = sql`select * from (values ${sql.join(
      found.map((row) => sql`(${row.tenant_id}::text, ${row.key_id}::text, ${NOTICE}, ${at})`),
      sql`, `,
    )}) as spike(tenant_id, key_id, notice, mark)`;
    const claimed = await claimNotices(tx, candidates, sql`kept.mark <= excluded.mark - interval '1 hour'`);
    const failures = new Map(
      found.map((row) => [refId({ tenantId: row.tenant_id, keyId: row.key_id }), Number(row.failures)]),
    );
    const keys = await keyDtosFor(tx, claimed, now);
    for (const notice of claimed) {
      const key = keys.get(refId(notice));
      if (!key) continue;
      await enqueueWebhookEvent(tx, {
        tenantId: notice.tenantId,
        type: NOTICE,
        data: { key, failures: failures.get(refId(notice)), windowMinutes: SPIKE_WINDOW_MINUTES, threshold },
      });
    }
    return claimed.length;
  });
}
