import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, memberships, users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { recordAudit } from "./audit";
import type { Role, TenantContext } from "./context";

type SessionClaims = { sessionId: string; userId: string; tenantId: string };

/** A browser sign-in: the row its cookie points at, audited like a programmatic login. */
export async function createBrowserSession(input: { userId: string; tenantId: string; ip: string }) {
  const db = await getDb();
  const sessionId = newId("ses");
  await db.transaction(async (tx) => {
    await tx
      .insert(authSessions)
      .values({ id: sessionId, kind: "browser", userId: input.userId, tenantId: input.tenantId });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: { type: "user", id: input.userId },
      action: "auth.login",
      target: { type: "session", id: sessionId },
      ip: input.ip,
    });
  });
  return sessionId;
}

/**
 * The caller behind a session cookie: the row must be live and still a membership of the tenant.
 * One statement, filtered by session, user and tenant together.
 */
export async function findLiveBrowserSession(
  claims: SessionClaims,
): Promise<{ role: Role; email: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ role: memberships.role, email: users.email })
    .from(authSessions)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, authSessions.userId), eq(memberships.tenantId, authSessions.tenantId)),
    )
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, claims.sessionId),
        eq(authSessions.userId, claims.userId),
        eq(authSessions.tenantId, claims.tenantId),
        eq(authSessions.kind, "browser"),
        isNull(authSessions.revokedAt),
      ),
    );
  return row ?? null;
}

/** Browser logout: ends this one session (idempotent). */
export async function endBrowserSession(claims: SessionClaims): Promise<void> {
  const db = await getDb();
  await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: "logout" })
    .where(
      and(
        eq(authSessions.id, claims.sessionId),
        eq(authSessions.userId, claims.userId),
        eq(authSessions.tenantId, claims.tenantId),
        isNull(authSessions.revokedAt),
      ),
    );
}

/**
 * "Log out everywhere": every live session of the user — browser cookies and programmatic
 * refresh-token families (so their access tokens) alike — ends now. Audited in the caller's tenant.
 */
export async function endAllSessionsOfUser(ctx: TenantContext): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: "logout_everywhere" })
      .where(and(eq(authSessions.userId, ctx.userId), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      action: "auth.logout_everywhere",
      target: { type: "user", id: ctx.userId },
      ip: ctx.ip,
      details: { sessions: ended.length },
    });
    return ended.length;
  });
}
