"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, actionWithId } from "@/lib/actions/session-action";
import { revokeInvitation } from "@/lib/dal/invitations";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/dal/members";
import { inviteMember } from "@/lib/members/invite-member";
import { changeRoleInput, inviteInput } from "@/lib/schemas/members";

// Members' writes. The helper re-checks the session and refuses viewers on every call; the DAL
// checks the caller's role again, under the lock of the tenant's memberships.

/** The link comes back only when it was not emailed, to be shown once. */
export const inviteMemberAction = action({ access: "write", input: inviteInput }, async (input, ctx) => {
  const created = await inviteMember(ctx, input);
  revalidatePath("/settings/members");
  return { email: created.email, emailed: created.emailed, inviteUrl: created.inviteUrl };
});

export const revokeInvitationAction = actionWithId(
  { access: "write", input: z.undefined(), notFound: "No invitation with this id." },
  async (id, _, ctx) => {
    await revokeInvitation(ctx, id);
    revalidatePath("/settings/members");
    return null;
  },
);

export const changeMemberRoleAction = actionWithId(
  { access: "write", input: changeRoleInput, notFound: "No member with this id." },
  async (userId, input, ctx) => {
    const member = await changeMemberRole(ctx, userId, input.role);
    revalidatePath("/settings/members");
    return member.role;
  },
);

/** Removing someone else needs an owner or admin; removing yourself is leaving, which any role may do. */
export const removeMemberAction = actionWithId(
  { access: "read", input: z.undefined(), notFound: "No member with this id." },
  async (userId, _, ctx) => {
    await removeMember(ctx, userId);
    revalidatePath("/settings/members");
    return { left: userId === ctx.userId };
  },
);

export const transferOwnershipAction = actionWithId(
  { access: "write", input: z.undefined(), notFound: "No member with this id." },
  async (userId, _, ctx) => {
    await transferOwnership(ctx, userId);
    revalidatePath("/", "layout");
    return null;
  },
);
