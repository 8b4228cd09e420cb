import "server-only";
import { and, count, eq, isNotNull, isNull, lt, notExists, or } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { memberships, mfaRecoveryCodes, tenants, userMfa } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { MfaStatus } from "@/lib/schemas/account";
import { auditByCaller } from "./audit";
import type { TenantContext } from "./context";

// A user's second factor. It belongs to the person, not to a workspace: every statement filters by
// the caller's own user id (from the session, never from input); events are audited in the
// workspace the caller is signed in to.

export async function getMfaStatus(userId: string): Promise<MfaStatus> {
  const db = await getDb();
  const [row] = await db
    .select({ enabledAt: userMfa.enabledAt, left: count(mfaRecoveryCodes.codeHash) })
    .from(userMfa)
    .leftJoin(
      mfaRecoveryCodes,
      and(eq(mfaRecoveryCodes.userId, userMfa.userId), isNull(mfaRecoveryCodes.usedAt)),
    )
    .where(and(eq(userMfa.userId, userId), isNotNull(userMfa.enabledAt)))
    .groupBy(userMfa.userId, userMfa.enabledAt);
  if (!row?.enabledAt) return { enabled: false, enabledAt: null, recoveryCodesLeft: 0 };
  return { enabled: true, enabledAt: row.enabledAt.toISOString(), recoveryCodesLeft: row.left };
}

/**
 * Starts (or restarts) enrolment with a new sealed secret. Refused while 2FA is on: turning it off
 * asks for a code, and restarting enrolment must not be a way around that.
 */
export async function startMfaEnrolment(ctx: TenantContext, secretSealed: string): Promise<void> {
  const db = await getDb();
  const [row] = await db
    .insert(userMfa)
    .values({ userId: ctx.userId, secretSealed })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: { secretSealed, lastUsedStep: null, createdAt: new Date() },
      setWhere: isNull(userMfa.enabledAt),
    })
    .returning({ userId: userMfa.userId });
  if (!row) throw new AppError("CONFLICT", "Two-factor authentication is already on.");
}

/** The secret waiting for its first code, sealed; null when no enrolment is under way. */
export async function findPendingMfaSecret(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ secretSealed: userMfa.secretSealed })
    .from(userMfa)
    .where(and(eq(userMfa.userId, userId), isNull(userMfa.enabledAt)));
  return row?.secretSealed ?? null;
}

/**
 * Turns 2FA on, recording the confirming code's step, and replaces the recovery codes — only if the
 * pending secret is still the one the code was checked against (enrolment restarted in another tab
 * in between: nothing is enabled).
 */
export async function enableMfa(
  ctx: TenantContext,
  confirmed: { secretSealed: string; step: number; recoveryCodeHashes: string[] },
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(userMfa)
      .set({ enabledAt: new Date(), lastUsedStep: confirmed.step })
      .where(
        and(
          eq(userMfa.userId, ctx.userId),
          isNull(userMfa.enabledAt),
          eq(userMfa.secretSealed, confirmed.secretSealed),
        ),
      )
      .returning({ userId: userMfa.userId });
    if (!row) throw new AppError("CONFLICT", "This set-up was replaced or already finished. Start again.");
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, ctx.userId));
    await tx
      .insert(mfaRecoveryCodes)
      .values(confirmed.recoveryCodeHashes.map((codeHash) => ({ userId: ctx.userId, codeHash })));
    await auditByCaller(tx, ctx, "auth.mfa_enabled", { type: "user", id: ctx.userId });
  });
}

/** The enabled factor's sealed secret; null when 2FA is off. */
export async function findEnabledMfaSecret(userId: string, db?: Database): Promise<string | null> {
  const exec = db ?? (await getDb());
  const [row] = await exec
    .select({ secretSealed: userMfa.secretSealed })
    .from(userMfa)
    .where(and(eq(userMfa.userId, userId), isNotNull(userMfa.enabledAt)));
  return row?.secretSealed ?? null;
}

/**
 * Records that the code of `step` was used, if no code of this or a later step was: the check and
 * the write are one statement, so two requests with one code cannot both pass.
 */
export async function claimTotpStep(db: Database, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userMfa)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(userMfa.userId, userId),
        isNotNull(userMfa.enabledAt),
        or(isNull(userMfa.lastUsedStep), lt(userMfa.lastUsedStep, step)),
      ),
    )
    .returning({ userId: userMfa.userId });
  return rows.length === 1;
}

/** Spends a recovery code (by its hash) if it is the user's and unused; one statement. */
export async function claimRecoveryCode(db: Database, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ userId: mfaRecoveryCodes.userId });
  return rows.length === 1;
}

/** The workspaces of the user's that require 2FA (their members may not turn it off). */
function workspacesRequiringMfa(db: Database, userId: string) {
  return db
    .select({ tenantId: tenants.id })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), eq(tenants.requireMfa, true)));
}

/**
 * Turns 2FA off and deletes the recovery codes (the caller has checked a code). Refused while a
 * workspace the user belongs to requires 2FA — checked in the DELETE itself.
 */
export async function disableMfa(ctx: TenantContext, method: "totp" | "recovery_code"): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(userMfa)
      .where(
        and(
          eq(userMfa.userId, ctx.userId),
          isNotNull(userMfa.enabledAt),
          notExists(workspacesRequiringMfa(tx, ctx.userId)),
        ),
      )
      .returning({ userId: userMfa.userId });
    if (deleted.length === 0) {
      if ((await workspacesRequiringMfa(tx, ctx.userId).limit(1)).length > 0)
        throw new AppError(
          "FORBIDDEN",
          "A workspace you belong to requires two-factor authentication, so it cannot be turned off.",
        );
      throw new AppError("CONFLICT", "Two-factor authentication is not on.");
    }
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, ctx.userId));
    await auditByCaller(tx, ctx, "auth.mfa_disabled", { type: "user", id: ctx.userId }, { method });
  });
}

/** What a login must ask for next, read in one statement with the membership it signs in to. */
export async function findSecondFactorState(
  userId: string,
  tenantId: string,
): Promise<{ mfaEnabled: boolean; requiredByWorkspace: boolean } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ enabledAt: userMfa.enabledAt, requireMfa: tenants.requireMfa })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .leftJoin(userMfa, eq(userMfa.userId, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.tenantId, tenantId)));
  if (!row) return null;
  return { mfaEnabled: row.enabledAt !== null, requiredByWorkspace: row.requireMfa };
}

/** Members of the caller's workspace who have not turned 2FA on (for the policy's summary). */
export async function countMembersWithoutMfa(ctx: TenantContext): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .leftJoin(userMfa, and(eq(userMfa.userId, memberships.userId), isNotNull(userMfa.enabledAt)))
    .where(and(eq(memberships.tenantId, ctx.tenantId), isNull(userMfa.userId)));
  return row?.n ?? 0;
}
