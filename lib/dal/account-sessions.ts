import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { AccountSession } from "@/lib/schemas/account";
import { auditByCaller } from "./audit";
import type { TenantContext } from "./context";

// The caller's own sessions, for the Account page and /api/account/sessions. A session belongs to a
// person (as "log out everywhere" does), so these filter by the caller's user id, which comes from
// the verified session or token; another user's session id is answered exactly like an unknown one.

/** Sessions not seen for this long are left out of the list (no refresh token outlives it). */
const LISTED_FOR_MS = 30 * 24 * 3600 * 1000;
/** "Last seen" is written at most this often per session, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

const lastActivity = sql<Date>`coalesce(${authSessions.lastSeenAt}, ${authSessions.createdAt})`;

export async function listAccountSessions(ctx: TenantContext, now = new Date()): Promise<AccountSession[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: authSessions.id,
      kind: authSessions.kind,
      ip: authSessions.ip,
      userAgent: authSessions.userAgent,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.userId, ctx.userId),
        isNull(authSessions.revokedAt),
        // A plain Date parameter beside an expression (no column to map it) must be sent as text.
        sql`${lastActivity} > ${new Date(now.getTime() - LISTED_FOR_MS).toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(lastActivity), desc(authSessions.id));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: (row.lastSeenAt ?? row.createdAt).toISOString(),
    current: row.id === ctx.sessionId,
  }));
}

/** "Sign out" on one row of the list: the caller's own live session, or NOT_FOUND. */
export async function endAccountSession(ctx: TenantContext, sessionId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: "signed_out_from_account" })
      .where(
        and(
          eq(authSessions.id, sessionId),
          eq(authSessions.userId, ctx.userId),
          isNull(authSessions.revokedAt),
        ),
      )
      .returning({ id: authSessions.id });
    if (ended.length === 0) throw new AppError("NOT_FOUND", "No active session of yours has this id.");
    await auditByCaller(tx, ctx, "auth.session_ended", { type: "session", id: sessionId });
  });
}

/**
 * Moves a session's "last seen" forward, once a minute at most: the caller passes the value it read
 * with the session, and nothing is written while that is recent.
 */
export async function touchSession(
  session: { sessionId: string; lastSeenAt: Date | null },
  ip: string,
  now = new Date(),
): Promise<void> {
  if (session.lastSeenAt && now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_RESOLUTION_MS) return;
  const db = await getDb();
  await db
    .update(authSessions)
    .set({ lastSeenAt: now, ip })
    .where(and(eq(authSessions.id, session.sessionId), isNull(authSessions.revokedAt)));
}
