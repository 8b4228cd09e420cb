import "server-only";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, verificationLog } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { VerificationLogEntryDto, VerificationLogQuery } from "@/lib/schemas/verification-log";
import type { TenantContext } from "../context";

/** A CSV export holds at most this many entries, newest first (docs/decisions.md). */
export const LOG_CSV_MAX_ROWS = 50_000;

type Cursor = { at: string; id: number };

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** `at` to the microsecond, as the database holds it: a millisecond cursor could skip rows. */
const atMicros = sql<string>`to_char(${verificationLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!at || !id || !CURSOR_TIME.test(at) || !/^\d{1,18}$/.test(id))
    throw new AppError("VALIDATION_ERROR", "cursor: not a cursor from this API.", {
      fields: [{ path: "cursor", message: "Not a cursor from this API." }],
    });
  return { at, id: Number(id) };
}

/** 404 for a key of another tenant (or none): the log of a key one cannot see does not exist. */
export async function assertKeyVisible(ctx: TenantContext, keyId: string): Promise<void> {
  const db = await getDb();
  const [key] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, keyId)));
  if (!key) throw new AppError("NOT_FOUND", "No API key with this id.");
}

function filters(ctx: TenantContext, keyId: string, query: VerificationLogQuery, cursor: Cursor | null) {
  const where: (SQL | undefined)[] = [
    eq(verificationLog.tenantId, ctx.tenantId),
    eq(verificationLog.keyId, keyId),
    query.outcome ? eq(verificationLog.outcome, query.outcome) : undefined,
    query.address ? eq(verificationLog.ip, query.address) : undefined,
    cursor
      ? sql`(${verificationLog.at}, ${verificationLog.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
      : undefined,
  ];
  return and(...where);
}

type Row = typeof verificationLog.$inferSelect & { cursorAt: string };

function toDto(row: Row): VerificationLogEntryDto {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    outcome: row.outcome,
    address: row.ip,
    path: row.path === "whoami" ? "whoami" : "verify",
    userAgent: row.userAgent,
    scopes: row.scopes ? row.scopes.split(" ") : [],
    weight: row.weight,
  };
}

async function selectEntries(ctx: TenantContext, keyId: string, query: VerificationLogQuery, limit: number) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  await assertKeyVisible(ctx, keyId);
  const db = await getDb();
  return db
    .select({
      id: verificationLog.id,
      tenantId: verificationLog.tenantId,
      keyId: verificationLog.keyId,
      at: verificationLog.at,
      outcome: verificationLog.outcome,
      ip: verificationLog.ip,
      path: verificationLog.path,
      userAgent: verificationLog.userAgent,
      scopes: verificationLog.scopes,
      weight: verificationLog.weight,
      cursorAt: atMicros,
    })
    .from(verificationLog)
    .where(filters(ctx, keyId, query, cursor))
    .orderBy(desc(verificationLog.at), desc(verificationLog.id))
    .limit(limit);
}

/** One page, newest first, keyset-paginated on (at, id): equal times never skip or repeat a row. */
export async function listVerificationLog(ctx: TenantContext, keyId: string, query: VerificationLogQuery) {
  const rows = await selectEntries(ctx, keyId, query, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const data = page.map(toDto);
  return {
    data,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    sampled: data.some((entry) => entry.weight > 1),
  };
}

/** Every entry the filters select (from the cursor on, if any), for the CSV export. */
export async function exportVerificationLog(
  ctx: TenantContext,
  keyId: string,
  query: VerificationLogQuery,
): Promise<VerificationLogEntryDto[]> {
  return (await selectEntries(ctx, keyId, query, LOG_CSV_MAX_ROWS)).map(toDto);
}
