import { jsonResponse } from "@/lib/api/responses";
import { managementRoute } from "@/lib/api/route";
import { NO_STORE } from "@/lib/auth/token-pair";
import { listInvitations } from "@/lib/dal/invitations";
import { inviteMember } from "@/lib/members/invite-member";
import { inviteInput } from "@/lib/schemas/members";

export const GET = managementRoute({}, async ({ ctx }) => ({
  data: await listInvitations(ctx),
  nextCursor: null,
}));

/** The link is in this answer only when it was not emailed (no SMTP_URL), and only here. */
export const POST = managementRoute({ body: inviteInput }, async ({ ctx, body }) =>
  jsonResponse(await inviteMember(ctx, body), { status: 201, headers: NO_STORE }),
);
