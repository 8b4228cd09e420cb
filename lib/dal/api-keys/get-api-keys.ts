import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { ApiKeyDto, ListKeysQuery } from "@/lib/schemas/api-keys";
import type { TenantContext } from "../context";
import { keyColumns, toKeyDto } from "./dto";

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

/**
 * The cursor carries `created_at` as the database holds it, to the microsecond. A JS Date keeps
 * only milliseconds: keys created within one millisecond of the page's last key would be skipped.
 */
type Cursor = { createdAt: string; id: string };

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;

/** `created_at` in UTC with all six fractional digits, for the next page's cursor. */
const createdAtMicros = sql<string>`to_char(${apiKeys.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  const [createdAt, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!id || !createdAt || !CURSOR_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
    throw new AppError("VALIDATION_ERROR", "cursor: not a cursor from this API.");
  return { createdAt, id };
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
    .select({ ...keyColumns, cursorCreatedAt: createdAtMicros })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.tenantId, ctx.tenantId),
        statusFilter(query.status, now),
        query.environment ? eq(apiKeys.environment, query.environment) : undefined,
        query.type ? eq(apiKeys.type, query.type) : undefined,
        query.identityId ? eq(apiKeys.identityId, query.identityId) : undefined,
        cursor
          ? sql`(${apiKeys.createdAt}, ${apiKeys.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(({ cursorCreatedAt: _cursor, ...row }) => toKeyDto(row, now)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ createdAt: last.cursorCreatedAt, id: last.id })
        : null,
  };
}
