import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import type { AcceptedInvitationDto, InvitationPreview } from "@/lib/schemas/members";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./db-errors";
import { findUsableInvitation, type UsableInvitation } from "./invitations";

/** What the invitation page shows: the workspace, the role, and whether to log in or sign up. */
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  const db = await getDb();
  const invitation = await findUsableInvitation(db, token);
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, invitation.email));
  return {
    email: invitation.email,
    role: invitation.role,
    tenantName: invitation.tenantName,
    accountExists: Boolean(account),
  };
}

/** The membership and the spent invitation, with "member.joined" in the tenant's audit log. */
async function join(
  tx: Transaction,
  invitation: UsableInvitation,
  user: { id: string; email: string },
  ip: string,
) {
  const now = new Date();
  await tx
    .insert(memberships)
    .values({ tenantId: invitation.tenantId, userId: user.id, role: invitation.role });
  await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: user.id })
    .where(and(eq(invitations.tenantId, invitation.tenantId), eq(invitations.id, invitation.id)));
  await recordAudit(tx, {
    tenantId: invitation.tenantId,
    actor: { type: "user", id: user.id },
    action: "member.joined",
    target: { type: "user", id: user.id },
    ip,
    details: { email: user.email, role: invitation.role, invitationId: invitation.id },
  });
  return {
    tenant: { id: invitation.tenantId, name: invitation.tenantName, role: invitation.role },
    user: { id: user.id, email: user.email },
  };
}

/**
 * A signed-in user accepts. The invitation names an email, and only that account may use it: a link
 * forwarded to someone else does not let them in under their own account.
 */
export async function acceptInvitationAsUser(
  token: string,
  userId: string,
  ip: string,
): Promise<AcceptedInvitationDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locked: of two concurrent uses of one link, the second finds it spent.
    const invitation = await findUsableInvitation(tx, token, { lock: true });
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || user.email.toLowerCase() !== invitation.email) {
      throw new AppError(
        "FORBIDDEN",
        `This invitation was sent to ${invitation.email}. Log in as that address to accept it.`,
      );
    }
    const [already] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.tenantId, invitation.tenantId), eq(memberships.userId, userId)));
    if (already) throw new AppError("CONFLICT", "You are already a member of this workspace.");
    return join(tx, invitation, user, ip);
  });
}

/** Someone without an account accepts: the account (for the invited email) and the membership at once. */
export async function acceptInvitationAsNewUser(
  token: string,
  passwordHash: string,
  ip: string,
): Promise<AcceptedInvitationDto> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const invitation = await findUsableInvitation(tx, token, { lock: true });
      const user = { id: newId("usr"), email: invitation.email };
      await tx.insert(users).values({ ...user, passwordHash });
      return join(tx, invitation, user, ip);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists. Log in to accept.");
    throw error;
  }
}
