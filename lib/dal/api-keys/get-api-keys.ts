import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/api/app-error";
import type { TenantContext } from "../context";
import { type ApiKeyDto, keyColumns, toKeyDto } from "./dto";
import type { ListKeysQuery } from "./schemas";

/** The key's row for this tenant — a foreign or unknown id is the same 404, so ids cannot be probed. */
export async function findKeyRowOrThrow(
  db: Database | Transaction,
  ctx: TenantContext,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select({ ...keyColumns, publicKeyPem: apiKeys.publicKeyPem })
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("NOT_FOUND", "No API key with this id.");
  return row;
}

export async function getApiKey(ctx: TenantContext, id: string): Promise<ApiKeyDto> {
  const { publicKeyPem: _pem, ...row } = await findKeyRowOrThrow(await getDb(), ctx, id);
  return toKeyDto(row);
}

type Cursor = { createdAt: Date; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  const [createdAt, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const date = new Date(createdAt ?? "");
  if (!id || Number.isNaN(date.getTime()))
    throw new AppError("VALIDATION_ERROR", "cursor: not a cursor from this API.");
  return { createdAt: date, id };
}

function statusFilter(status: ListKeysQuery["status"], now: Date): SQL | undefined {
  if (status === "revoked") return isNotNull(apiKeys.revokedAt);
  if (status === "expired") return and(isNull(apiKeys.revokedAt), lte(apiKeys.expiresAt, now));
  if (status === "active")
    return and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)));
  return undefined;
}

/** Newest first, keyset-paginated on (createdAt, id) so pages stay stable while keys are added. */
export async function listApiKeys(
  ctx: TenantContext,
  query: ListKeysQuery,
): Promise<{ data: ApiKeyDto[]; nextCursor: string | null }> {
  const db = await getDb();
  const now = new Date();
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select(keyColumns)
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.tenantId, ctx.tenantId),
        statusFilter(query.status, now),
        query.environment ? eq(apiKeys.environment, query.environment) : undefined,
        query.type ? eq(apiKeys.type, query.type) : undefined,
        cursor
          ? or(
              lt(apiKeys.createdAt, cursor.createdAt),
              and(eq(apiKeys.createdAt, cursor.createdAt), lt(apiKeys.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toKeyDto(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
