import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { identities } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import { auditByCaller } from "../audit";
import type { TenantContext } from "../context";

export type IdentityReference = { identityId?: string | null; externalId?: string | null };

/**
 * The identity a key create or PATCH names, as an id to store: undefined when the input names none
 * (leave as is), null to unlink. By id: it must be this tenant's (else 400 on the field — the key,
 * not the identity, is what the route is about). By externalId: found, or created on the spot as
 * Unkey does, so a tenant can key its customers by its own ids without a prior call (audited).
 */
export async function resolveIdentityId(
  tx: Transaction,
  ctx: TenantContext,
  ref: IdentityReference,
): Promise<string | null | undefined> {
  if (ref.identityId === null || ref.externalId === null) return null;
  if (ref.identityId !== undefined) {
    const [row] = await tx
      .select({ id: identities.id })
      .from(identities)
      .where(and(eq(identities.tenantId, ctx.tenantId), eq(identities.id, ref.identityId)));
    if (!row) {
      throw new AppError("VALIDATION_ERROR", "identityId: no identity with this id in this workspace.", {
        fields: [{ path: "identityId", message: "No identity with this id in this workspace." }],
      });
    }
    return row.id;
  }
  if (ref.externalId === undefined) return undefined;
  return findOrCreateByExternalId(tx, ctx, ref.externalId);
}

async function findOrCreateByExternalId(tx: Transaction, ctx: TenantContext, externalId: string) {
  const [created] = await tx
    .insert(identities)
    .values({ id: newId("idn"), tenantId: ctx.tenantId, externalId })
    .onConflictDoNothing({ target: [identities.tenantId, identities.externalId] })
    .returning({ id: identities.id });
  if (created) {
    await auditByCaller(
      tx,
      ctx,
      "identity.created",
      { type: "identity", id: created.id },
      {
        externalId,
        via: "api_key",
      },
    );
    return created.id;
  }
  const [existing] = await tx
    .select({ id: identities.id })
    .from(identities)
    .where(and(eq(identities.tenantId, ctx.tenantId), eq(identities.externalId, externalId)));
  if (!existing) throw new AppError("CONFLICT", "The identity changed meanwhile; try again.");
  return existing.id;
}
