import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { findLiveBrowserSession } from "@/lib/dal/browser-sessions";
import type { TenantContext } from "@/lib/dal/context";
import { switchBrowserSession } from "@/lib/dal/workspaces";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { authOptions } from "./next-auth-options";

/**
 * The browser caller as a TenantContext, or null. The cookie says who signed in and names its
 * session row; the row (and so the workspace), the membership and the role are read every time,
 * so logout, "log out everywhere" and removal from a tenant take effect at once, even for a copy of
 * the cookie.
 */
export const currentContext = cache(async (): Promise<(TenantContext & { email: string }) | null> => {
  // Per-request by nature; also keeps `next build` from prerendering pages that need runtime secrets.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.userId || !session.sessionId) return null;
  // The workspace comes from the session row (the switcher moves it), never from the cookie.
  const live = await findLiveBrowserSession({ sessionId: session.sessionId, userId: session.userId });
  if (!live) return null;
  return {
    tenantId: live.tenantId,
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

/**
 * Moves this browser's session to another of the user's workspaces (the switcher, or joining one).
 * False when signed out or not a member there; the next request reads the new workspace and role.
 */
export async function switchCurrentWorkspace(tenantId: string): Promise<boolean> {
  const session = await getServerSession(authOptions());
  if (!session?.userId || !session.sessionId) return false;
  return switchBrowserSession({ sessionId: session.sessionId, userId: session.userId }, tenantId);
}
