"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/session-action";
import { switchCurrentWorkspace } from "@/lib/auth/session";
import { endAllSessionsOfUser } from "@/lib/dal/browser-sessions";
import { AppError } from "@/lib/errors/app-error";

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

/** The workspace switcher: this browser's session moves to another workspace the user belongs to. */
export const switchWorkspaceAction = action(
  { access: "read", input: z.object({ tenantId: z.string().min(1).max(64) }).strict() },
  async ({ tenantId }) => {
    if (!(await switchCurrentWorkspace(tenantId)))
      throw new AppError("NOT_FOUND", "You are not a member of this workspace.");
    revalidatePath("/", "layout");
    return null;
  },
);
