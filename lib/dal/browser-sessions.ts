import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions } from "@/db/schema";
import { auditByCaller } from "./audit";
import type { TenantContext } from "./context";
import {
  endLiveSessions,
  findLiveSession,
  insertSession,
  type LiveSession,
  type SessionOrigin,
} from "./session-rows";

/** A browser sign-in: the row its cookie points at, audited like a programmatic login. */
export async function createBrowserSession(input: { userId: string; tenantId: string } & SessionOrigin) {
  const db = await getDb();
  return db.transaction((tx) => insertSession(tx, "browser", input));
}

/** What a session cookie names. The workspace is the row's, not the cookie's: switching moves the row. */
export type BrowserClaims = { sessionId: string; userId: string };

function liveBrowserSession(claims: BrowserClaims) {
  return and(
    eq(authSessions.id, claims.sessionId),
    eq(authSessions.userId, claims.userId),
    eq(authSessions.kind, "browser"),
    isNull(authSessions.revokedAt),
  );
}

/** The caller behind a session cookie (lib/dal/session-rows.ts), browser sessions only. */
export function findLiveBrowserSession(claims: BrowserClaims): Promise<LiveSession | null> {
  return findLiveSession(claims, "browser");
}

/** Browser logout: ends this one session (idempotent). */
export async function endBrowserSession(claims: BrowserClaims): Promise<void> {
  const db = await getDb();
  await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: "logout" })
    .where(liveBrowserSession(claims));
}

/**
 * "Log out everywhere": every live session of the user — browser cookies and programmatic
 * refresh-token families (so their access tokens) alike — ends now. Audited in the caller's tenant.
 */
export async function endAllSessionsOfUser(ctx: TenantContext): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await endLiveSessions(tx, { userId: ctx.userId }, "logout_everywhere");
    await auditByCaller(
      tx,
      ctx,
      "auth.logout_everywhere",
      { type: "user", id: ctx.userId },
      { sessions: ended },
    );
    return ended;
  });
}
