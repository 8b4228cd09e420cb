import { managementRoute } from "@/lib/api/route";
import { listMembers } from "@/lib/dal/members";

export const GET = managementRoute({}, async ({ ctx }) => ({
  data: await listMembers(ctx),
  nextCursor: null,
}));

/**
 * Adding a member is inviting them: nobody is put into a workspace without accepting, so this is
 * POST …/invitations under the name clients look for first (same body, same answer).
 */
export { POST } from "../invitations/route";
