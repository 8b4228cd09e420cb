import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { apiKeys, webhookKeyNotices } from "@/db/schema";
import type { CreditAlert } from "@/lib/keys/credit-alerts";
import { describeError, log } from "@/lib/log";
import { claimNotices, type NoticeRow, rowsOf, tenantFilter } from "../key-alerts/key-notices";
import { type KeyRef, keyDtosFor, refId } from "../key-alerts/notice-keys";
import { enqueueWebhookEvent } from "../webhooks/outbox";
import { effectiveBalanceSql } from "./balance-sql";

/**
 * credits.low / credits.exhausted (issue 13), once per credit period. A period starts when the
 * balance is set, adjusted or refilled (`credits_refilled_at`), and that time is the notice's mark
 * in webhook_key_notices: claiming it and queueing the event share one transaction, so an alert is
 * sent at most once per period by any number of instances.
 *
 * Two ways in, one claim:
 * - right after the spend that crossed a threshold (`queueCreditAlerts`), with the balance that
 *   spend left, so a tenant hears at once;
 * - the credit sweep (`queueCreditSweep`, once a minute), which finds every live key whose balance
 *   is under its threshold without a notice for its period. The spend commits on its own (a
 *   transaction per verification would cost more than the verification), so a crash between the
 *   spend and its alert is caught here, as is a balance set under 10 % by hand.
 */

/** The period mark both ways in use: when the balance was last set or refilled. */
const EPOCH = new Date(0);

async function queueClaimed(
  tx: Transaction,
  claimed: NoticeRow[],
  remainingOf: (notice: NoticeRow) => number,
  now: Date,
): Promise<number> {
  const keys = await keyDtosFor(tx, claimed, now);
  let queued = 0;
  for (const notice of claimed) {
    const key = keys.get(refId(notice));
    if (!key) continue;
    const type = notice.notice as CreditAlert;
    await enqueueWebhookEvent(tx, {
      tenantId: notice.tenantId,
      type,
      data: { key, remaining: remainingOf(notice) },
    });
    queued++;
  }
  return queued;
}

async function enqueueCreditAlerts(
  ref: KeyRef,
  alerts: readonly CreditAlert[],
  remaining: number,
  periodStart: Date | null,
  now: Date,
): Promise<void> {
  const db = await getDb();
  const mark = (periodStart ?? EPOCH).toISOString();
  const candidates = sql`select * from (values ${sql.join(
    alerts.map(
      (type) => sql`(${ref.tenantId}::text, ${ref.keyId}::text, ${type}::text, ${mark}::timestamptz)`,
    ),
    sql`, `,
  )}) as alert (tenant_id, key_id, notice, mark)`;
  await db.transaction(async (tx) => {
    const claimed = await claimNotices(tx, candidates, sql`kept.mark is distinct from excluded.mark`);
    await queueClaimed(tx, claimed, () => remaining, now);
  });
}

const pending = new Set<Promise<void>>();

/**
 * Queues the alerts a spend crossed, without holding up the verification that spent (the answer
 * does not wait for the outbox). `periodStart`: the key's `credits_refilled_at` after the spend.
 */
export function queueCreditAlerts(
  ref: KeyRef,
  alerts: readonly CreditAlert[],
  remaining: number,
  periodStart: Date | null,
  now: Date,
): void {
  const work = enqueueCreditAlerts(ref, alerts, remaining, periodStart, now)
    .catch((error: unknown) =>
      // Not lost: the next credit sweep finds the key under its threshold without a notice.
      log.warn("credit alert not queued; the credit sweep will", {
        keyId: ref.keyId,
        alerts,
        ...describeError(error),
      }),
    )
    .finally(() => pending.delete(work));
  pending.add(work);
}

/** Waits for the alerts being queued (graceful shutdown, before the database closes; tests). */
export async function settleCreditAlerts(): Promise<void> {
  await Promise.all([...pending]);
}

/**
 * One pass of the credit sweep: live keys whose balance as the next spend would see it (a due
 * refill applied) is 0 (`credits.exhausted`) or under 10 % of its baseline (`credits.low`), with no
 * notice for the current period. At most `limit` notices per pass; returns how many were queued.
 */
export async function queueCreditSweep(now: Date, limit: number, onlyTenantIds?: string[]): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const balance = effectiveBalanceSql(at);
  // Milliseconds, as the mark a spend records (a JS Date) has them.
  const mark = sql`date_trunc('milliseconds', coalesce(api_keys.credits_refilled_at, 'epoch'::timestamptz))`;
  // A key at 0 is also under 10 %: both notices, as a spend crossing both sends both.
  const below = sql`
    select api_keys.tenant_id, api_keys.id as key_id, stage.notice, ${mark} as mark, ${balance} as remaining
    from ${apiKeys}
    cross join lateral (values ('credits.low'), ('credits.exhausted')) as stage (notice)
    where api_keys.revoked_at is null and api_keys.credits_remaining is not null
      and ${tenantFilter(sql`api_keys.tenant_id`, onlyTenantIds)}
      and (case stage.notice
        when 'credits.exhausted' then ${balance} = 0
        else api_keys.credits_baseline > 0 and ${balance} * 10 < api_keys.credits_baseline end)
      and not exists (select 1 from ${webhookKeyNotices} n where n.tenant_id = api_keys.tenant_id
        and n.key_id = api_keys.id and n.notice = stage.notice and n.mark = ${mark})
    limit ${limit}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = rowsOf<{
      tenant_id: string;
      key_id: string;
      notice: string;
      mark: string;
      remaining: number;
    }>(await tx.execute(below));
    if (found.length === 0) return 0;
    const remaining = new Map(
      found.map((row) => [refId({ tenantId: row.tenant_id, keyId: row.key_id }), Number(row.remaining)]),
    );
    const candidates = sql`select * from (values ${sql.join(
      found.map(
        (row) =>
          sql`(${row.tenant_id}::text, ${row.key_id}::text, ${row.notice}::text, ${new Date(row.mark).toISOString()}::timestamptz)`,
      ),
      sql`, `,
    )}) as alert (tenant_id, key_id, notice, mark)`;
    const claimed = await claimNotices(tx, candidates, sql`kept.mark is distinct from excluded.mark`);
    return queueClaimed(tx, claimed, (notice) => remaining.get(refId(notice)) ?? 0, now);
  });
}
