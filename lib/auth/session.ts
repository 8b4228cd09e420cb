import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { clientIpFromHeaders } from "@/lib/api/client-ip";
import type { TenantContext } from "@/lib/dal/context";
import { findMembership } from "@/lib/dal/memberships";
import { authOptions } from "./next-auth-options";

/**
 * The browser caller as a TenantContext, or null. The cookie says who signed in; the membership
 * (and so the role) is read from the database every time, so a removed member loses access at once.
 */
export const currentContext = cache(async (): Promise<(TenantContext & { email: string }) | null> => {
  // Per-request by nature; also keeps `next build` from prerendering pages that need runtime secrets.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.userId || !session.tenantId) return null;
  const membership = await findMembership(session.userId, session.tenantId);
  if (!membership) return null;
  return {
    tenantId: session.tenantId,
    userId: session.userId,
    role: membership.role,
    email: membership.email,
    actor: { type: "user", id: session.userId },
    ip: clientIpFromHeaders(await headers()),
  };
});

/** For pages and server actions: a page's check does not protect its actions, so each calls this. */
export async function requireContext(): Promise<TenantContext & { email: string }> {
  const ctx = await currentContext();
  if (!ctx) redirect("/login");
  return ctx;
}
