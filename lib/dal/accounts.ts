import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import { recordAudit } from "./audit";
import type { Role } from "./context";
import { isUniqueViolation } from "./db-errors";

export type RegisterInput = { email: string; passwordHash: string; tenantName: string; ip: string };

/** Sign-up: a tenant, its owner and the audit event, all or nothing. */
export async function registerAccount(input: RegisterInput): Promise<{ userId: string; tenantId: string }> {
  const db = await getDb();
  const userId = newId("usr");
  const tenantId = newId("ten");
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ id: userId, email: input.email, passwordHash: input.passwordHash });
      // The operator's default for new tenants (TENANT_RATE_LIMIT_DEFAULT; null: no tenant limit).
      const rateLimitPerMinute = getEnv().tenantRateLimitDefault;
      await tx.insert(tenants).values({ id: tenantId, name: input.tenantName, rateLimitPerMinute });
      await tx.insert(memberships).values({ tenantId, userId, role: "owner" });
      await recordAudit(tx, {
        tenantId,
        actor: { type: "user", id: userId },
        action: "tenant.created",
        target: { type: "tenant", id: tenantId },
        ip: input.ip,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("EMAIL_TAKEN");
    throw error;
  }
  return { userId, tenantId };
}

export type LoginUser = {
  userId: string;
  email: string;
  passwordHash: string;
  /** Null when the user is not a member of the workspace asked for (or of any). */
  tenantId: string | null;
  role: Role | null;
};

/**
 * The account behind an email and the workspace it logs in to: the one asked for, else the one used
 * last (then the oldest membership). Null when there is no such account.
 */
export async function findLoginUser(email: string, tenantId?: string): Promise<LoginUser | null> {
  const db = await getDb();
  const membership = tenantId
    ? and(eq(memberships.userId, users.id), eq(memberships.tenantId, tenantId))
    : eq(memberships.userId, users.id);
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      tenantId: memberships.tenantId,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, membership)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .orderBy(sql`${memberships.lastSignedInAt} desc nulls last`, asc(memberships.createdAt))
    .limit(1);
  return row ?? null;
}
