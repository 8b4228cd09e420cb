import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { identities } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { IdentityDto, IdentityPage, ListIdentitiesQuery } from "@/lib/schemas/identities";
import type { TenantContext } from "../context";
import { findIdentityRowOrThrow, identityColumns, toIdentityDto } from "./identity-rows";

export async function getIdentity(ctx: TenantContext, id: string): Promise<IdentityDto> {
  return toIdentityDto(await findIdentityRowOrThrow(await getDb(), ctx, id));
}

/** As for keys (get-api-keys.ts): the cursor keeps created_at to the microsecond. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const createdAtMicros = sql<string>`to_char(${identities.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function decodeCursor(raw: string) {
  const [createdAt, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!id || !createdAt || !CURSOR_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
    throw new AppError("VALIDATION_ERROR", "cursor: not a cursor from this API.", {
      fields: [{ path: "cursor", message: "Not a cursor from this API." }],
    });
  return { createdAt, id };
}

/** Newest first, keyset-paginated on (createdAt, id); `externalId` filters by exact match. */
export async function listIdentities(ctx: TenantContext, query: ListIdentitiesQuery): Promise<IdentityPage> {
  const db = await getDb();
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({ ...identityColumns, cursorCreatedAt: createdAtMicros })
    .from(identities)
    .where(
      and(
        eq(identities.tenantId, ctx.tenantId),
        query.externalId !== undefined ? eq(identities.externalId, query.externalId) : undefined,
        cursor
          ? sql`(${identities.createdAt}, ${identities.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(identities.createdAt), desc(identities.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(({ cursorCreatedAt: _cursor, ...row }) => toIdentityDto(row)),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(`${last.cursorCreatedAt}|${last.id}`).toString("base64url")
        : null,
  };
}
