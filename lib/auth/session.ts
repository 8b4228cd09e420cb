import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { findLiveBrowserSession } from "@/lib/dal/browser-sessions";
import type { TenantContext } from "@/lib/dal/context";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { authOptions } from "./next-auth-options";

/**
 * The browser caller as a TenantContext, or null. The cookie says who signed in and names its
 * session row; the row and the membership (and so the role) are read from the database every time,
 * so logout, "log out everywhere" and removal from a tenant take effect at once, even for a copy of
 * the cookie.
 */
export const currentContext = cache(async (): Promise<(TenantContext & { email: string }) | null> => {
  // Per-request by nature; also keeps `next build` from prerendering pages that need runtime secrets.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.userId || !session.tenantId || !session.sessionId) return null;
  const live = await findLiveBrowserSession({
    sessionId: session.sessionId,
    userId: session.userId,
    tenantId: session.tenantId,
  });
  if (!live) return null;
  return {
    tenantId: session.tenantId,
    userId: session.userId,
    role: live.role,
    email: live.email,
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
