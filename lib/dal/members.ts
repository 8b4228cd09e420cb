import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { MemberDto } from "@/lib/schemas/members";
import { auditByCaller } from "./audit";
import { assertCanWrite, type Role, type TenantContext } from "./context";
import { endLiveSessions } from "./session-rows";

const NO_MEMBER = "No member with this id.";

const columns = {
  userId: memberships.userId,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
  lastSignInAt: memberships.lastSignedInAt,
};

type MemberRow = { userId: string; email: string; role: Role; joinedAt: Date; lastSignInAt: Date | null };

function toDto(row: MemberRow): MemberDto {
  return {
    userId: row.userId,
    email: row.email,
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** Every member of the caller's tenant, oldest first. Every role may read it. */
export async function listMembers(ctx: TenantContext): Promise<MemberDto[]> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, ctx.tenantId))
    .orderBy(asc(memberships.createdAt), asc(memberships.userId));
  return rows.map(toDto);
}

/**
 * The tenant's memberships, locked: every change that could take away an owner reads the owners
 * under this lock, so two owners demoting each other at once cannot leave the tenant with none.
 */
async function lockMembers(tx: Transaction, tenantId: string) {
  return tx
    .select(columns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .for("update", { of: memberships });
}

function findTarget(rows: MemberRow[], userId: string): MemberRow {
  const target = rows.find((row) => row.userId === userId);
  if (!target) throw new AppError("NOT_FOUND", NO_MEMBER);
  return target;
}

/**
 * The caller's role as of the lock, not as of authentication: a change to the caller's own
 * membership that committed meanwhile (demoted, removed) decides, so no stale role acts.
 */
function lockedCaller(ctx: TenantContext, rows: MemberRow[]): TenantContext {
  const self = rows.find((row) => row.userId === ctx.userId);
  if (!self) throw new AppError("UNAUTHORIZED", "The session has ended. Log in again.");
  return { ...ctx, role: self.role };
}

/** Admins manage admins and viewers; only an owner may touch an owner or make one. */
export function assertMayAssign(ctx: TenantContext, current: Role | null, next: Role | null): void {
  assertCanWrite(ctx);
  if (ctx.role === "owner") return;
  if (current === "owner") throw new AppError("FORBIDDEN", "Only an owner can change or remove an owner.");
  if (next === "owner") throw new AppError("FORBIDDEN", "Only an owner can make someone an owner.");
}

function assertOwnerRemains(rows: MemberRow[], target: MemberRow): void {
  const owners = rows.filter((row) => row.role === "owner");
  if (target.role === "owner" && owners.length === 1) {
    throw new AppError(
      "CONFLICT",
      "A workspace needs an owner: transfer ownership to another member first.",
      { fields: [{ path: "role", message: "The last owner can neither leave nor be demoted." }] },
    );
  }
}

async function setRole(
  tx: Transaction,
  ctx: TenantContext,
  target: MemberRow,
  role: Role,
): Promise<MemberRow> {
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, target.userId)));
  // The member acts with the new role only after signing in again; nothing issued before survives.
  // Callers changing their own role (handing over ownership) chose it and keep their session.
  const sessions =
    target.userId === ctx.userId
      ? 0
      : await endLiveSessions(tx, { userId: target.userId, tenantId: ctx.tenantId }, "role_changed");
  await auditByCaller(
    tx,
    ctx,
    "member.role_changed",
    { type: "user", id: target.userId },
    { email: target.email, from: target.role, to: role, sessionsEnded: sessions },
  );
  return { ...target, role };
}

export async function changeMemberRole(ctx: TenantContext, userId: string, role: Role): Promise<MemberDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await lockMembers(tx, ctx.tenantId);
    const caller = lockedCaller(ctx, rows);
    const target = findTarget(rows, userId);
    assertMayAssign(caller, target.role, role);
    if (target.role === role) return toDto(target);
    if (role !== "owner") assertOwnerRemains(rows, target);
    return toDto(await setRole(tx, caller, target, role));
  });
}

/**
 * Removes a member, or lets the caller leave (any role may leave; the last owner may not). Their
 * sessions in this tenant end in the same transaction.
 */
export async function removeMember(ctx: TenantContext, userId: string): Promise<MemberDto> {
  const db = await getDb();
  const leaving = userId === ctx.userId;
  return db.transaction(async (tx) => {
    const rows = await lockMembers(tx, ctx.tenantId);
    const caller = lockedCaller(ctx, rows);
    const target = findTarget(rows, userId);
    if (!leaving) assertMayAssign(caller, target.role, null);
    assertOwnerRemains(rows, target);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    const sessions = await endLiveSessions(tx, { userId, tenantId: ctx.tenantId }, "membership_removed");
    await auditByCaller(
      tx,
      ctx,
      leaving ? "member.left" : "member.removed",
      { type: "user", id: userId },
      { email: target.email, role: target.role, sessionsEnded: sessions },
    );
    return toDto(target);
  });
}

/** An owner hands ownership to another member and becomes an admin, in one step. */
export async function transferOwnership(ctx: TenantContext, userId: string): Promise<MemberDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await lockMembers(tx, ctx.tenantId);
    const caller = lockedCaller(ctx, rows);
    if (caller.role !== "owner") throw new AppError("FORBIDDEN", "Only an owner can transfer ownership.");
    const target = findTarget(rows, userId);
    const self = findTarget(rows, ctx.userId);
    if (target.userId === self.userId) {
      throw new AppError("CONFLICT", "You already own this workspace; pick another member.");
    }
    const promoted = target.role === "owner" ? target : await setRole(tx, caller, target, "owner");
    await setRole(tx, caller, self, "admin");
    await auditByCaller(
      tx,
      caller,
      "member.ownership_transferred",
      { type: "user", id: target.userId },
      { email: target.email, from: ctx.userId },
    );
    return toDto(promoted);
  });
}
