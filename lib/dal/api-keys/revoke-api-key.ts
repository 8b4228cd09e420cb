import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { auditByCaller } from "../audit";
import { type Actor, assertCanWrite, type TenantContext } from "../context";
import { enqueueKeyEvent } from "../webhooks/key-events";
import { keyColumns, toKeyDto } from "./dto";
import { findKeyRowOrThrow } from "./get-api-keys";
import { notifyKeyChanged } from "./notify";

/**
 * Marks a key revoked, for good. Idempotent: revoking a revoked key keeps the first time and reason.
 * Used by the dashboard, the REST API and leak alerts (actor `system`).
 */
export async function revokeKeyInTx(
  tx: Transaction,
  scope: { tenantId: string; actor: Actor; ip: string | null },
  id: string,
  reason: string,
  details: Record<string, unknown> = {},
): Promise<boolean> {
  const updated = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(apiKeys.tenantId, scope.tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning(keyColumns);
  if (updated.length === 0) return false;
  await notifyKeyChanged(tx, id);
  await auditByCaller(tx, scope, "api_key.revoked", { type: "api_key", id }, { reason, ...details });
  const key = toKeyDto(updated[0]!);
  // A leaked key is also revoked: key.leaked carries where it was found, key.revoked the reason.
  if (reason === "leaked") {
    const leak = { url: details.url ?? null, source: details.source ?? null };
    await enqueueKeyEvent(tx, scope.tenantId, "key.leaked", key, { leak });
  }
  await enqueueKeyEvent(tx, scope.tenantId, "key.revoked", key, { reason });
  return true;
}

export async function revokeApiKey(
  ctx: TenantContext,
  id: string,
  reason = "revoked_by_admin",
): Promise<ApiKeyDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await findKeyRowOrThrow(tx, ctx, id, true);
    await revokeKeyInTx(tx, ctx, id, reason);
    const [row] = await tx
      .select(keyColumns)
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id)));
    return toKeyDto(row!);
  });
}
