import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Database, getDb, type Transaction } from "@/db/client";
import { invitations, memberships, tenants, users } from "@/db/schema";
import {
  generateInvitationToken,
  hashInvitationToken,
  INVITATION_TTL_SECONDS,
} from "@/lib/crypto/invitation-token";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import type { InvitationDto, InviteInput } from "@/lib/schemas/members";
import { auditByCaller } from "./audit";
import { assertCanWrite, type Role, type TenantContext } from "./context";
import { assertMayAssign } from "./members";

const NO_INVITATION = "No invitation with this id.";
const inviter = alias(users, "inviter");

const columns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  invitedBy: inviter.email,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
};

type InvitationRow = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
};

function statusOf(row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now: Date) {
  if (row.acceptedAt) return "accepted" as const;
  if (row.revokedAt) return "revoked" as const;
  return row.expiresAt <= now ? ("expired" as const) : ("pending" as const);
}

function toDto(row: InvitationRow, now = new Date()): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: statusOf(row, now),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The tenant's invitations, newest first (the last 100: older ones are history, in the audit log). */
export async function listInvitations(ctx: TenantContext): Promise<InvitationDto[]> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(eq(invitations.tenantId, ctx.tenantId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(100);
  return rows.map((row) => toDto(row));
}

const pending = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/**
 * A new invitation, with its token in clear for the link (returned once; only the hash is kept).
 * A pending invitation to the same address is revoked: the newest link is the one that works.
 */
export async function createInvitation(
  ctx: TenantContext,
  input: InviteInput,
  now = new Date(),
): Promise<{ token: string; invitation: InvitationDto; tenantName: string }> {
  assertMayAssign(ctx, null, input.role);
  const db = await getDb();
  const token = generateInvitationToken();
  const id = newId("inv");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(sql`lower(${users.email})`, input.email)));
    if (existing) {
      throw new AppError("CONFLICT", "This person is already a member of the workspace.", {
        fields: [{ path: "email", message: "Already a member of this workspace." }],
      });
    }
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.email, input.email), pending(now)))
      .returning({ id: invitations.id });
    await tx.insert(invitations).values({
      id,
      tenantId: ctx.tenantId,
      email: input.email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedBy: ctx.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000),
    });
    await auditByCaller(
      tx,
      ctx,
      "member.invited",
      { type: "invitation", id },
      { email: input.email, role: input.role, replaced: replaced.map((row) => row.id) },
    );
    const [row] = await tx
      .select({ ...columns, tenantName: tenants.name })
      .from(invitations)
      .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, id)));
    return { token, invitation: toDto(row!, now), tenantName: row!.tenantName };
  });
}

/** Revokes a pending invitation; its link stops working at once. */
export async function revokeInvitation(
  ctx: TenantContext,
  id: string,
  reason: "revoked" | "mail_failed" = "revoked",
): Promise<InvitationDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  const now = new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(columns)
      .from(invitations)
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, id)))
      .for("update", { of: invitations });
    if (!row) throw new AppError("NOT_FOUND", NO_INVITATION);
    assertMayAssign(ctx, row.role, null);
    if (statusOf(row, now) !== "pending")
      throw new AppError("CONFLICT", `This invitation is ${statusOf(row, now)}, not pending.`);
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, id)));
    await auditByCaller(
      tx,
      ctx,
      "invitation.revoked",
      { type: "invitation", id },
      { email: row.email, reason },
    );
    return toDto({ ...row, revokedAt: now }, now);
  });
}

/** Why a link does not work, in words for the person holding it (the token is theirs to know). */
function unusable(status: ReturnType<typeof statusOf> | "unknown"): AppError {
  const messages = {
    unknown: "This invitation link is not valid. Check that you copied all of it.",
    accepted: "This invitation has already been used. Log in to reach the workspace.",
    revoked: "This invitation was withdrawn. Ask the workspace's owner or an admin for a new one.",
    expired: "This invitation has expired (links work for 7 days). Ask for a new one.",
  } as const;
  return new AppError("INVITATION_INVALID", messages[status as keyof typeof messages]);
}

export type UsableInvitation = {
  id: string;
  tenantId: string;
  tenantName: string;
  email: string;
  role: Role;
};

/** The pending invitation a token names, or INVITATION_INVALID saying why not. */
export async function findUsableInvitation(
  db: Database | Transaction,
  token: string,
  options: { lock?: boolean; now?: Date } = {},
): Promise<UsableInvitation> {
  const now = options.now ?? new Date();
  const query = db
    .select({
      id: invitations.id,
      tenantId: invitations.tenantId,
      tenantName: tenants.name,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  const [row] = options.lock ? await query.for("update", { of: invitations }) : await query;
  if (!row) throw unusable("unknown");
  const status = statusOf(row, now);
  if (status !== "pending") throw unusable(status);
  return { id: row.id, tenantId: row.tenantId, tenantName: row.tenantName, email: row.email, role: row.role };
}

/** Checks a link before costly work (hashing a new password); accepting checks again, under a lock. */
export async function assertInvitationUsable(token: string): Promise<void> {
  await findUsableInvitation(await getDb(), token);
}
