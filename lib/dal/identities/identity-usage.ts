import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, usageRollups } from "@/db/schema";
import type { IdentityUsageQuery } from "@/lib/schemas/identities";
import type { UsageSeries } from "@/lib/schemas/usage";
import type { TenantContext } from "../context";
import { inRange, resolveRange, toSeries } from "../usage";
import { findIdentityRowOrThrow } from "./identity-rows";

/**
 * The identity's verifications by bucket and outcome, summed over its keys in one statement: the
 * per-key rollups (index usage_rollups_key_idx: tenant, key, granularity, bucket) of the keys now
 * linked (index api_keys_tenant_identity_idx), never raw events. A 30-day chart reads at most
 * keys × 30 days × outcomes rows. History follows the key: a key moved to another identity takes
 * its past usage with it (usage is recorded per key, not per identity).
 */
export async function getIdentityUsage(
  ctx: TenantContext,
  identityId: string,
  query: IdentityUsageQuery,
  now = Date.now(),
): Promise<UsageSeries & { identityId: string }> {
  const db = await getDb();
  await findIdentityRowOrThrow(db, ctx, identityId);
  const range = resolveRange(query, now);
  const keysOfIdentity = db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.identityId, identityId)));
  const rows = await db
    .select({
      t: usageRollups.bucketStart,
      outcome: usageRollups.outcome,
      count: sql`sum(${usageRollups.count})`.mapWith(Number),
    })
    .from(usageRollups)
    .where(and(inRange(usageRollups, ctx, range), inArray(usageRollups.keyId, keysOfIdentity)))
    .groupBy(usageRollups.bucketStart, usageRollups.outcome);
  return { ...toSeries(rows, range), identityId };
}
