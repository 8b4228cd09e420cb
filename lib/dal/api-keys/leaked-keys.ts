import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { TenantContext } from "../context";

export type LeakedKey = { id: string; name: string; revokedAt: string };

/** Keys revoked in the last 30 days because a secret scanner found them in public. */
export async function listRecentlyLeakedKeys(ctx: TenantContext, now = Date.now()): Promise<LeakedKey[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: apiKeys.id, name: apiKeys.name, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.tenantId, ctx.tenantId),
        eq(apiKeys.revokedReason, "leaked"),
        gte(apiKeys.revokedAt, new Date(now - 30 * 86_400_000)),
      ),
    )
    .orderBy(desc(apiKeys.revokedAt))
    .limit(10);
  return rows.map((row) => ({ id: row.id, name: row.name, revokedAt: row.revokedAt!.toISOString() }));
}
