import "server-only";
import { and, eq, exists, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { tenants, userMfa } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { SecurityPolicy } from "@/lib/schemas/account";
import { auditByCaller } from "./audit";
import type { TenantContext } from "./context";
import { countMembersWithoutMfa } from "./mfa";

export async function getSecurityPolicy(ctx: TenantContext): Promise<SecurityPolicy> {
  const db = await getDb();
  const [row] = await db
    .select({ requireMfa: tenants.requireMfa })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  if (!row) throw new AppError("NOT_FOUND", "Tenant not found.");
  return { requireMfa: row.requireMfa, membersWithoutMfa: await countMembersWithoutMfa(ctx) };
}

/**
 * "Require 2FA for every member": owners only. Turning it on needs the owner's own 2FA on first
 * (checked in the UPDATE), so an owner cannot lock themselves out of their own workspace. Members
 * without 2FA are then sent to enrol by their next request (lib/dal/session-rows.ts).
 */
export async function setSecurityPolicy(ctx: TenantContext, requireMfa: boolean): Promise<SecurityPolicy> {
  if (ctx.role !== "owner")
    throw new AppError("FORBIDDEN", "Only an owner can change the workspace's sign-in policy.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ownerHasMfa = exists(
      tx
        .select({ userId: userMfa.userId })
        .from(userMfa)
        .where(and(eq(userMfa.userId, ctx.userId), isNotNull(userMfa.enabledAt))),
    );
    const [row] = await tx
      .update(tenants)
      .set({ requireMfa, updatedAt: new Date() })
      .where(and(eq(tenants.id, ctx.tenantId), requireMfa ? ownerHasMfa : undefined))
      .returning({ id: tenants.id });
    if (!row)
      throw new AppError(
        "CONFLICT",
        "Turn on two-factor authentication for your own account first (Account page).",
      );
    const tenant = { type: "tenant", id: ctx.tenantId };
    await auditByCaller(tx, ctx, "tenant.mfa_policy_changed", tenant, { requireMfa });
  });
  return getSecurityPolicy(ctx);
}
