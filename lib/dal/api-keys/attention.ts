import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, webhookKeyNotices } from "@/db/schema";
import { getEnv } from "@/lib/env";
import {
  ATTENTION_REASONS,
  type Attention,
  type AttentionKey,
  type AttentionReason,
} from "@/lib/schemas/attention";
import type { TenantContext } from "../context";

const DAY_MS = 86_400_000;
/** How many keys each reason lists; the count says how many there are in all. */
const PER_REASON = 10;
/** A moment as a parameter of raw SQL (postgres.js takes no Date there; drizzle's operators do). */
const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

export type AttentionOptions = { now?: number };

/**
 * What a tenant should look at (issue 14): keys revoked as leaked in the last 30 days, keys with a
 * failure spike in the last 24 h, keys expiring within 7 days, keys in a rotation's grace period,
 * and live keys never used 30 days after creation. Two statements, each filtered by tenant, neither
 * reading the verification log or the usage rows.
 */
export async function getKeysNeedingAttention(
  ctx: TenantContext,
  options: AttentionOptions = {},
): Promise<Attention> {
  const now = options.now ?? Date.now();
  const [keys, spikes] = await Promise.all([flaggedKeys(ctx, now), failureSpikes(ctx, now)]);
  const attention = Object.fromEntries(
    ATTENTION_REASONS.map((reason) => [reason, { count: 0, keys: [] as AttentionKey[] }]),
  ) as Attention;
  for (const { reason, ...key } of [...keys, ...spikes]) {
    const group = attention[reason];
    group.count += 1;
    if (group.keys.length < PER_REASON) group.keys.push(key);
  }
  return attention;
}

type Flagged = AttentionKey & { reason: AttentionReason };

async function flaggedKeys(ctx: TenantContext, now: number): Promise<Flagged[]> {
  const db = await getDb();
  const live = sql`${apiKeys.revokedAt} is null and (${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > ${at(now)})`;
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      createdAt: apiKeys.createdAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      leaked: sql<boolean>`${apiKeys.revokedReason} = 'leaked'`,
      unused: sql<boolean>`${apiKeys.lastUsedAt} is null`,
      // Spelled out: drizzle leaves columns unqualified in a one-table select, which would bind them
      // to the inner table here. Same tenant in the same statement, as everywhere.
      successorId: sql<string | null>`(select s.id from api_keys s
        where s.tenant_id = api_keys.tenant_id and s.rotated_from_id = api_keys.id
        order by s.created_at desc limit 1)`,
    })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.tenantId, ctx.tenantId),
        sql`(
          (${apiKeys.revokedReason} = 'leaked' and ${apiKeys.revokedAt} >= ${at(now - 30 * DAY_MS)})
          or (${live} and ${apiKeys.expiresAt} <= ${at(now + 7 * DAY_MS)})
          or (${live} and ${apiKeys.lastUsedAt} is null and ${apiKeys.createdAt} <= ${at(now - 30 * DAY_MS)})
        )`,
      ),
    )
    .orderBy(
      sql`coalesce(${apiKeys.revokedAt}, ${apiKeys.expiresAt}, ${apiKeys.createdAt}) desc`,
      desc(apiKeys.id),
    )
    .limit(500);

  return rows.map((row): Flagged => {
    const base = { id: row.id, name: row.name };
    if (row.leaked && row.revokedAt) return { ...base, reason: "leaked", at: row.revokedAt.toISOString() };
    if (row.expiresAt && row.expiresAt.getTime() <= now + 7 * DAY_MS) {
      // A rotated key's expiry is its grace end: the reason is the rotation, not a lapse.
      return row.successorId
        ? { ...base, reason: "rotation_grace", at: row.expiresAt.toISOString(), detail: row.successorId }
        : { ...base, reason: "expiring", at: row.expiresAt.toISOString() };
    }
    return { ...base, reason: "never_used", at: row.createdAt.toISOString() };
  });
}

/**
 * Keys that had a failure spike in the last 24 h: the spike job's own record of it (the notice
 * behind `usage.failure_spike`, written whether or not the tenant has a webhook endpoint), so the
 * panel and the webhook agree on what a spike is and the page reads one row per spiking key.
 */
async function failureSpikes(ctx: TenantContext, now: number): Promise<Flagged[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: apiKeys.id, name: apiKeys.name, mark: webhookKeyNotices.mark })
    .from(webhookKeyNotices)
    .innerJoin(
      apiKeys,
      and(eq(apiKeys.tenantId, webhookKeyNotices.tenantId), eq(apiKeys.id, webhookKeyNotices.keyId)),
    )
    .where(
      and(
        eq(webhookKeyNotices.tenantId, ctx.tenantId),
        eq(webhookKeyNotices.notice, "usage.failure_spike"),
        gte(webhookKeyNotices.mark, new Date(now - DAY_MS)),
      ),
    )
    .orderBy(desc(webhookKeyNotices.mark))
    .limit(100);
  const detail = `over ${getEnv().webhookFailureSpikeThreshold} failed in 5 min`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    reason: "failure_spike",
    at: row.mark.toISOString(),
    detail,
  }));
}
