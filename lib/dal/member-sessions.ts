import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { authSessions } from "@/db/schema";

/**
 * Ends every live session a user has in one tenant: browser cookies and refresh-token families (so
 * their access tokens) alike, in the transaction that changes the membership. A removed member, or
 * one whose role changed, must sign in again to act with what they now hold.
 */
export async function endSessionsInTenant(
  tx: Transaction,
  tenantId: string,
  userId: string,
  reason: "membership_removed" | "role_changed",
): Promise<number> {
  const ended = await tx
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(
      and(
        eq(authSessions.tenantId, tenantId),
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
      ),
    )
    .returning({ id: authSessions.id });
  return ended.length;
}
