import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import type { Role } from "./context";

export type MembershipDto = { role: Role; email: string; tenantName: string };

export async function findMembership(userId: string, tenantId: string): Promise<MembershipDto | null> {
  const db = await getDb();
  const [row] = await db
    .select({ role: memberships.role, email: users.email, tenantName: tenants.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), eq(memberships.tenantId, tenantId)));
  return row ?? null;
}
