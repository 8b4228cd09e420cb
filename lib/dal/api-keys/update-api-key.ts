import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { ApiKeyDto, UpdateKeyInput } from "@/lib/schemas/api-keys";
import { auditByCaller } from "../audit";
import { assertCanWrite, type TenantContext } from "../context";
import { enqueueKeyEvent } from "../webhooks/key-events";
import { creditColumns, currentBalance, refillOf } from "./credit-columns";
import { keyColumns, toKeyDto } from "./dto";
import { findKeyRowOrThrow } from "./get-api-keys";
import { resolveIdentityId } from "./link-identity";
import { notifyKeyChanged } from "./notify";

/** Fields a signed key carries inside itself: changing them here would make the key and the database disagree. */
const EMBEDDED_IN_SIGNED_KEYS = ["scopes", "expiresAt", "metadata"] as const;

export async function updateApiKey(
  ctx: TenantContext,
  id: string,
  patch: UpdateKeyInput,
): Promise<ApiKeyDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findKeyRowOrThrow(tx, ctx, id, true);
    if (current.revokedAt) throw new AppError("CONFLICT", "A revoked key cannot be changed.");
    const embedded = EMBEDDED_IN_SIGNED_KEYS.filter((field) => field in patch);
    if (current.type === "signed" && embedded.length > 0) {
      throw new AppError(
        "VALIDATION_ERROR",
        `A signed key embeds its ${embedded.join(", ")}; rotate the key to change them.`,
        { fields: embedded.map((path) => ({ path, message: "Embedded in the signed key." })) },
      );
    }
    const { credits, identityId: byId, externalId, ...fields } = patch;
    const now = new Date();
    const identityId = await resolveIdentityId(tx, ctx, { identityId: byId, externalId });
    const [row] = await tx
      .update(apiKeys)
      .set({
        ...fields,
        ...(identityId === undefined ? {} : { identityId }),
        ...(credits === undefined ? {} : creditColumns(credits, now)),
      })
      .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id)))
      .returning(keyColumns);
    await notifyKeyChanged(tx, id);
    const details: Record<string, unknown> = { changed: Object.keys(patch) };
    // Numbers only (no secret is near here): what the balance and refill were, and are.
    if (credits !== undefined) {
      details.credits = {
        before: { remaining: currentBalance(current, now), refill: refillOf(current) },
        after: { remaining: currentBalance(row!, now), refill: refillOf(row!) },
      };
    }
    await auditByCaller(tx, ctx, "api_key.updated", { type: "api_key", id }, details);
    const key = toKeyDto(row!);
    await enqueueKeyEvent(tx, ctx.tenantId, "key.updated", key, { changed: Object.keys(patch) });
    return key;
  });
}
