import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, webhookKeyNotices } from "@/db/schema";
import { enqueueWebhookEvent } from "../webhooks/outbox";
import { claimNotices, tenantFilter } from "./key-notices";
import { keyDtosFor, refId } from "./notice-keys";

/**
 * Keys that expired more than this long ago are not announced: the first run after an outage
 * catches up on a week, and turning webhooks on does not announce every key that ever expired.
 */
const EXPIRED_CATCH_UP = sql`interval '7 days'`;

/**
 * One pass of the expiry job (issue 13): for each live key whose expiry is within 7 days (or passed
 * within the last 7), its stage now — `key.expiring:7d`, `key.expiring:1d` or `key.expired`, only the
 * latest one (a key created 12 h before its expiry gets no "7 days" notice) — is claimed in
 * webhook_key_notices with the expiry as its mark, and the event queued in the same transaction.
 * A changed expiry is a new mark: an extended key is announced again. At most `limit` keys per
 * pass, soonest first, read through the partial index on expires_at. Returns how many were queued.
 */
export async function queueExpiryEvents(now: Date, limit: number, onlyTenantIds?: string[]): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const stage = sql`case when k.expires_at <= ${at} then 'key.expired'
    when k.expires_at <= ${at} + interval '1 day' then 'key.expiring:1d' else 'key.expiring:7d' end`;
  const candidates = sql`
    select k.tenant_id, k.id, ${stage}, k.expires_at from ${apiKeys} k
    where k.revoked_at is null and k.expires_at is not null
      and k.expires_at > ${at} - ${EXPIRED_CATCH_UP} and k.expires_at <= ${at} + interval '7 days'
      and ${tenantFilter(sql`k.tenant_id`, onlyTenantIds)}
      and not exists (select 1 from ${webhookKeyNotices} n where n.tenant_id = k.tenant_id
        and n.key_id = k.id and n.notice = ${stage} and n.mark = k.expires_at)
    order by k.expires_at limit ${limit}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const claimed = await claimNotices(tx, candidates, sql`kept.mark is distinct from excluded.mark`);
    const keys = await keyDtosFor(tx, claimed, now);
    for (const notice of claimed) {
      const key = keys.get(refId(notice));
      if (!key) continue;
      const [type, threshold] = notice.notice.split(":") as ["key.expiring" | "key.expired", string?];
      const data = { key, expiresAt: notice.mark.toISOString(), ...(threshold ? { threshold } : {}) };
      await enqueueWebhookEvent(tx, { tenantId: notice.tenantId, type, data });
    }
    return claimed.length;
  });
}
