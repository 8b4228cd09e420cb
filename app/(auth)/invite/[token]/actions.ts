"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { action, publicAction } from "@/lib/actions/session-action";
import { signUpWithInvitation } from "@/lib/auth/invitation-signup";
import { switchCurrentWorkspace } from "@/lib/auth/session";
import { acceptInvitationAsUser } from "@/lib/dal/accept-invitation";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { passwordSchema } from "@/lib/schemas/auth";
import { invitationTokenSchema } from "@/lib/schemas/members";

/**
 * The signed-in user joins (the invitation must name their email) and this browser moves to the
 * workspace joined. Any role may accept: a viewer elsewhere can be invited here as anything.
 */
export const acceptInvitationAction = action(
  { access: "read", input: z.object({ token: invitationTokenSchema }).strict() },
  async ({ token }, ctx) => {
    const joined = await acceptInvitationAsUser(token, ctx.userId, ctx.ip);
    await switchCurrentWorkspace(joined.tenant.id);
    return null;
  },
);

/** Someone new: the account for the invited email and the membership; the form then signs in. */
export const signUpWithInvitationAction = publicAction(
  { input: z.object({ token: invitationTokenSchema, password: passwordSchema }).strict() },
  async ({ token, password }) => {
    const joined = await signUpWithInvitation(token, password, clientIpFromHeaders(await headers()));
    return { email: joined.user.email };
  },
);
