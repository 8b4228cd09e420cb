import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, identities } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import type { CreateIdentityInput, IdentityDto, UpdateIdentityInput } from "@/lib/schemas/identities";
import { auditByCaller } from "../audit";
import { assertCanWrite, type TenantContext } from "../context";
import {
  duplicateExternalId,
  findIdentityRowOrThrow,
  notifyIdentityKeys,
  toIdentityDto,
} from "./identity-rows";

export async function createIdentity(ctx: TenantContext, input: CreateIdentityInput): Promise<IdentityDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // ON CONFLICT rather than catching the unique violation: an error would abort the transaction.
    const [row] = await tx
      .insert(identities)
      .values({ id: newId("idn"), tenantId: ctx.tenantId, ...input })
      .onConflictDoNothing({ target: [identities.tenantId, identities.externalId] })
      .returning({ id: identities.id });
    if (!row) throw duplicateExternalId(input.externalId);
    await auditByCaller(
      tx,
      ctx,
      "identity.created",
      { type: "identity", id: row.id },
      {
        externalId: input.externalId,
      },
    );
    return toIdentityDto(await findIdentityRowOrThrow(tx, ctx, row.id));
  });
}

export async function updateIdentity(
  ctx: TenantContext,
  id: string,
  patch: UpdateIdentityInput,
): Promise<IdentityDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findIdentityRowOrThrow(tx, ctx, id, true);
    if (patch.externalId !== undefined && patch.externalId !== current.externalId) {
      const [taken] = await tx
        .select({ id: identities.id })
        .from(identities)
        .where(and(eq(identities.tenantId, ctx.tenantId), eq(identities.externalId, patch.externalId)));
      if (taken) throw duplicateExternalId(patch.externalId);
    }
    await tx
      .update(identities)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(identities.tenantId, ctx.tenantId), eq(identities.id, id)));
    await notifyIdentityKeys(tx, ctx, id);
    await auditByCaller(
      tx,
      ctx,
      "identity.updated",
      { type: "identity", id },
      {
        changed: Object.keys(patch),
      },
    );
    return toIdentityDto(await findIdentityRowOrThrow(tx, ctx, id));
  });
}

/**
 * Refused (409) while a live key — active or expired — still links to the identity: deleting it
 * would silently take those keys' shared limits away. Revoked keys never verify again, so their
 * link is cleared (they stay listed for audit) instead of blocking the deletion forever.
 */
export async function deleteIdentity(ctx: TenantContext, id: string): Promise<IdentityDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findIdentityRowOrThrow(tx, ctx, id, true);
    const linked = and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.identityId, id));
    const live = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(linked, isNull(apiKeys.revokedAt)))
      .limit(6);
    if (live.length > 0) {
      const shown = live.slice(0, 5).map((key) => key.id);
      throw new AppError(
        "IDENTITY_HAS_KEYS",
        `This identity still has keys (${shown.join(", ")}${live.length > 5 ? ", …" : ""}). Unlink or revoke them first.`,
        { keyIds: shown },
      );
    }
    await tx
      .update(apiKeys)
      .set({ identityId: null })
      .where(and(linked, isNotNull(apiKeys.revokedAt)));
    await tx.delete(identities).where(and(eq(identities.tenantId, ctx.tenantId), eq(identities.id, id)));
    await auditByCaller(
      tx,
      ctx,
      "identity.deleted",
      { type: "identity", id },
      {
        externalId: current.externalId,
      },
    );
    return toIdentityDto({ ...current, keyCount: 0 });
  });
}
