import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { authSessions, memberships } from "@/db/schema";
import { newId } from "@/lib/ids";
import { recordAudit } from "./audit";
import { touchMembership } from "./workspaces";

/** What a session cookie or access token names; every look-up checks all three together. */
export type SessionClaims = { sessionId: string; userId: string; tenantId: string };

/** The session row the claims name, if it has not ended: one condition, in the statement that uses it. */
export function liveSession(claims: SessionClaims) {
  return and(
    eq(authSessions.id, claims.sessionId),
    eq(authSessions.userId, claims.userId),
    eq(authSessions.tenantId, claims.tenantId),
    isNull(authSessions.revokedAt),
  );
}

/** Joins the session's user to its tenant: no membership, no row (removal from a tenant ends access). */
export const sessionMembership = and(
  eq(memberships.userId, authSessions.userId),
  eq(memberships.tenantId, authSessions.tenantId),
);

/** A login of either kind: its session row and its audit event, in the caller's transaction. */
export async function insertSession(
  tx: Transaction,
  kind: "api" | "browser",
  input: { userId: string; tenantId: string; ip: string },
): Promise<string> {
  const sessionId = newId("ses");
  await tx
    .insert(authSessions)
    .values({ id: sessionId, kind, userId: input.userId, tenantId: input.tenantId });
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
