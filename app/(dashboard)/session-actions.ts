"use server";

import { requireContext } from "@/lib/auth/session";
import { endAllSessionsOfUser } from "@/lib/dal/browser-sessions";

/**
 * Ends every session of the signed-in user: this and other browsers, and every access and refresh
 * token issued by POST /api/auth/login. The session is re-checked here, as in every action.
 */
export async function logOutEverywhereAction(): Promise<{ ok: true; ended: number }> {
  const ctx = await requireContext();
  return { ok: true, ended: await endAllSessionsOfUser(ctx) };
}
