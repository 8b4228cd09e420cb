import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { auditByCaller } from "./audit";
import type { TenantContext } from "./context";
import { endLiveSessions } from "./session-rows";

export async function findPasswordHash(
  userId: string,
): Promise<{ email: string; passwordHash: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function findAccountEmail(userId: string): Promise<string | null> {
  return (await findPasswordHash(userId))?.email ?? null;
}

/**
 * The new password hash, and every other session of the user ended (browser cookies and refresh-token
 * families, so their access tokens) in the same transaction: whoever knew the old password and
 * signed in with it is out. The caller's own session stays.
 */
export async function replacePassword(
  ctx: TenantContext,
  passwordHash: string,
): Promise<{ sessionsEnded: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, ctx.userId));
    const sessionsEnded = await endLiveSessions(
      tx,
      { userId: ctx.userId, exceptSessionId: ctx.sessionId },
      "password_changed",
    );
    const user = { type: "user", id: ctx.userId };
    await auditByCaller(tx, ctx, "auth.password_changed", user, { sessionsEnded });
    return { sessionsEnded };
  });
}
