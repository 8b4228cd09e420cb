import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { authSessions, memberships, tenants } from "@/db/schema";
import type { Role } from "./context";

export type WorkspaceDto = { tenantId: string; name: string; role: Role };

/** Every workspace the user belongs to, for the switcher: by name. */
export async function listWorkspaces(userId: string): Promise<WorkspaceDto[]> {
  const db = await getDb();
  return db
    .select({ tenantId: memberships.tenantId, name: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(tenants.name), asc(tenants.id));
}

/** Records a sign-in to (or a switch to) a workspace: "last sign-in" in Members, "last used" at login. */
export async function touchMembership(tx: Transaction, userId: string, tenantId: string): Promise<void> {
  await tx
    .update(memberships)
    .set({ lastSignedInAt: new Date() })
    .where(and(eq(memberships.userId, userId), eq(memberships.tenantId, tenantId)));
}

/**
 * Moves a browser session to another of the user's workspaces. The cookie names the session row and
 * the row names the workspace, so the switch is this one UPDATE, and only to a tenant the user is a
 * member of (checked in the same statement). False when the session has ended or the user is not a
 * member there.
 */
export async function switchBrowserSession(
  session: { sessionId: string; userId: string },
  tenantId: string,
): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, session.userId), eq(memberships.tenantId, tenantId)))
      .for("share");
    if (!member) return false;
    const moved = await tx
      .update(authSessions)
      .set({ tenantId })
      .where(
        and(
          eq(authSessions.id, session.sessionId),
          eq(authSessions.userId, session.userId),
          eq(authSessions.kind, "browser"),
          isNull(authSessions.revokedAt),
        ),
      )
      .returning({ id: authSessions.id });
    if (moved.length === 0) return false;
    await touchMembership(tx, session.userId, tenantId);
    return true;
  });
}
