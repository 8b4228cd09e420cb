"use server";

import { z } from "zod";
import { action } from "@/lib/actions/session-action";
import { endAllSessionsOfUser } from "@/lib/dal/browser-sessions";

/**
 * Ends every session of the signed-in user: this and other browsers, and every access and refresh
 * token issued by POST /api/auth/login. Viewers may end their own sessions too.
 */
export const logOutEverywhereAction = action(
  { access: "read", input: z.undefined() },
  async (_input, ctx) => ({
    ended: await endAllSessionsOfUser(ctx),
  }),
);
