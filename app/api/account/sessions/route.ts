import { managementRoute } from "@/lib/api/route";
import { listAccountSessions } from "@/lib/dal/account-sessions";
import { endAllSessionsOfUser } from "@/lib/dal/browser-sessions";

/** The caller's own live sessions: dashboard sign-ins and API token families. */
export const GET = managementRoute({}, async ({ ctx }) => ({ data: await listAccountSessions(ctx) }));

/** "Sign out everywhere": every session of the caller ends, this token's included. */
export const DELETE = managementRoute({}, async ({ ctx }) => {
  await endAllSessionsOfUser(ctx);
  return new Response(null, { status: 204 });
});
