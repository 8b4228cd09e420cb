import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db/client";
import { authSessions, memberships, tenants, userMfa, users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { recordAudit } from "./audit";
import type { Role } from "./context";
import { touchMembership } from "./workspaces";

/** What a session cookie or access token names; every look-up checks all three together. */
export type SessionClaims = { sessionId: string; userId: string; tenantId: string };

/** The session row the claims name, if it has not ended: one condition, in the statement that uses it. */
export function liveSession(claims: SessionClaims) {
  return liveRow(claims);
}

/** Joins the session's user to its tenant: no membership, no row (removal from a tenant ends access). */
export const sessionMembership = and(
  eq(memberships.userId, authSessions.userId),
  eq(memberships.tenantId, authSessions.tenantId),
);

/**
 * A browser cookie names its session and user only: the workspace is the row's (the switcher moves
 * it), so browser look-ups leave `tenantId` out; access tokens name theirs and must match it.
 */
export type RowClaims = { sessionId: string; userId: string; tenantId?: string };

function liveRow(claims: RowClaims) {
  return and(
    eq(authSessions.id, claims.sessionId),
    eq(authSessions.userId, claims.userId),
    claims.tenantId === undefined ? undefined : eq(authSessions.tenantId, claims.tenantId),
    isNull(authSessions.revokedAt),
  );
}

export type LiveSession = {
  tenantId: string;
  role: Role;
  email: string;
  mustEnrolMfa: boolean;
  lastSeenAt: Date | null;
};

/**
 * The caller behind a session cookie or access token, in one statement filtered by session, user and
 * tenant together: the row must be live and still a membership of the tenant (so removal ends
 * access at once). `mustEnrolMfa`: the workspace requires 2FA and the user has not turned it on; read
 * on every request, so the policy holds from the next request on and enrolling lifts it at once.
 */
export async function findLiveSession(
  claims: RowClaims,
  kind?: "api" | "browser",
): Promise<LiveSession | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      tenantId: authSessions.tenantId,
      role: memberships.role,
      email: users.email,
      mustEnrolMfa: sql<boolean>`(${tenants.requireMfa} and ${userMfa.enabledAt} is null)`,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(authSessions)
    .innerJoin(memberships, sessionMembership)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(tenants, eq(tenants.id, authSessions.tenantId))
    .leftJoin(userMfa, eq(userMfa.userId, authSessions.userId))
    .where(and(liveRow(claims), kind ? eq(authSessions.kind, kind) : undefined));
  return row ?? null;
}

export type SessionOrigin = { ip: string; userAgent?: string | null };

/** A login of either kind: its session row and its audit event, in the caller's transaction. */
export async function insertSession(
  tx: Transaction,
  kind: "api" | "browser",
  input: { userId: string; tenantId: string } & SessionOrigin,
): Promise<string> {
  const sessionId = newId("ses");
  await tx.insert(authSessions).values({
    id: sessionId,
    kind,
    userId: input.userId,
    tenantId: input.tenantId,
    ip: input.ip,
    // A user agent is the client's to choose; kept short, shown as text only.
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    lastSeenAt: new Date(),
  });
  await touchMembership(tx, input.userId, input.tenantId);
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actor: { type: "user", id: input.userId },
    action: "auth.login",
    target: { type: "session", id: sessionId },
    ip: input.ip,
  });
  return sessionId;
}

/**
 * Ends a user's live sessions — browser cookies and refresh-token families (so their access tokens)
 * alike — in the caller's transaction: every one, those in one tenant (a membership removed or its
 * role changed), or all but the caller's own (a password change). Returns how many ended.
 */
export async function endLiveSessions(
  tx: Database | Transaction,
  which: { userId: string; tenantId?: string; exceptSessionId?: string },
  reason: string,
): Promise<number> {
  const ended = await tx
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(
      and(
        eq(authSessions.userId, which.userId),
        which.tenantId === undefined ? undefined : eq(authSessions.tenantId, which.tenantId),
        which.exceptSessionId === undefined ? undefined : ne(authSessions.id, which.exceptSessionId),
        isNull(authSessions.revokedAt),
      ),
    )
    .returning({ id: authSessions.id });
  return ended.length;
}
