import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { apiKeys, identities } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { IdentityDto } from "@/lib/schemas/identities";
import { KEY_CHANGES_CHANNEL } from "../api-keys/notify";
import type { TenantContext } from "../context";

/**
 * How many keys link to the identity, counted in the same statement (filtered by its tenant). Raw
 * names: drizzle leaves columns unqualified in a one-table select, which inside this subquery would
 * resolve to api_keys' own columns.
 */
const keyCount = sql<number>`(select count(*)::int from api_keys linked where linked.tenant_id = "identities"."tenant_id" and linked.identity_id = "identities"."id")`;

export const identityColumns = {
  id: identities.id,
  externalId: identities.externalId,
  metadata: identities.metadata,
  ratelimits: identities.ratelimits,
  createdAt: identities.createdAt,
  updatedAt: identities.updatedAt,
  keyCount,
};

type IdentityRow = {
  id: string;
  externalId: string;
  metadata: Record<string, unknown>;
  ratelimits: IdentityDto["ratelimits"];
  createdAt: Date;
  updatedAt: Date;
  keyCount: number;
};

export function toIdentityDto(row: IdentityRow): IdentityDto {
  return {
    id: row.id,
    externalId: row.externalId,
    metadata: row.metadata,
    ratelimits: row.ratelimits,
    keyCount: Number(row.keyCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The identity of this tenant — another tenant's id is the same 404 as an unknown one. */
export async function findIdentityRowOrThrow(
  db: Database | Transaction,
  ctx: TenantContext,
  id: string,
  forUpdate = false,
): Promise<IdentityRow> {
  const query = db
    .select(identityColumns)
    .from(identities)
    .where(and(eq(identities.tenantId, ctx.tenantId), eq(identities.id, id)));
  const [row] = forUpdate ? await query.for("update", { of: identities }) : await query;
  if (!row) throw new AppError("NOT_FOUND", "No identity with this id.");
  return row;
}

export function duplicateExternalId(externalId: string): AppError {
  return new AppError("CONFLICT", `An identity with externalId "${externalId}" already exists.`, {
    fields: [{ path: "externalId", message: "Already used by another identity of this workspace." }],
  });
}

/**
 * Every instance drops the identity's keys from its cache once the change commits: the cached key
 * carries the identity's metadata and limits. One NOTIFY per key, in the change's transaction.
 */
export async function notifyIdentityKeys(tx: Transaction, ctx: TenantContext, identityId: string) {
  await tx.execute(
    sql`select pg_notify(${KEY_CHANGES_CHANNEL}, 'key:' || ${apiKeys.id}) from ${apiKeys} where ${apiKeys.tenantId} = ${ctx.tenantId} and ${apiKeys.identityId} = ${identityId}`,
  );
}
