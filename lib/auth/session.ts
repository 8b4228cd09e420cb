import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { touchSession } from "@/lib/dal/account-sessions";
import { findLiveBrowserSession } from "@/lib/dal/browser-sessions";
import type { TenantContext } from "@/lib/dal/context";
import { switchBrowserSession } from "@/lib/dal/workspaces";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { authOptions } from "./next-auth-options";

export type BrowserContext = TenantContext & { email: string; sessionId: string };

/** Where a session the workspace's 2FA policy holds back is sent (lib/dal/session-rows.ts). */
export const MFA_SETUP_PATH = "/two-factor-setup";

/**
 * The browser caller, or null. The cookie says who signed in and names its session row; the row
 * (and so the workspace), the membership and the role are read every time, so logout, "log out
 * everywhere" and removal from a tenant take effect at once, even for a copy of the cookie. Also
 * says whether the workspace requires 2FA the user has not set up yet.
 */
const browserSession = cache(async (): Promise<{ ctx: BrowserContext; mustEnrolMfa: boolean } | null> => {
  // Per-request by nature; also keeps `next build` from prerendering pages that need runtime secrets.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.userId || !session.sessionId) return null;
  // The workspace comes from the session row (the switcher moves it), never from the cookie.
  const live = await findLiveBrowserSession({ sessionId: session.sessionId, userId: session.userId });
  if (!live) return null;
  const ip = clientIpFromHeaders(await headers());
  await touchSession({ sessionId: session.sessionId, lastSeenAt: live.lastSeenAt }, ip);
  const ctx: BrowserContext = {
    tenantId: live.tenantId,
    userId: session.userId,
    role: live.role,
    email: live.email,
    actor: { type: "user", id: session.userId },
    ip,
    sessionId: session.sessionId,
  };
  return { ctx, mustEnrolMfa: live.mustEnrolMfa };
});

/**
 * The signed-in caller for pages, actions and dashboard reads. A session that must set up 2FA first
 * counts as none here: it can reach nothing but the set-up page (`currentEnrolmentContext`).
 */
export const currentContext = cache(async (): Promise<BrowserContext | null> => {
  const state = await browserSession();
  return state && !state.mustEnrolMfa ? state.ctx : null;
});

/** For the 2FA set-up page and its actions only: any live session, held back by the policy or not. */
export const currentEnrolmentContext = cache(async (): Promise<BrowserContext | null> => {
  return (await browserSession())?.ctx ?? null;
});

/** For pages and server actions: a page's check does not protect its actions, so each calls this. */
export async function requireContext(): Promise<BrowserContext> {
  const state = await browserSession();
  if (!state) redirect("/login");
  if (state.mustEnrolMfa) redirect(MFA_SETUP_PATH);
  return state.ctx;
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
