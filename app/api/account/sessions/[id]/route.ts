import { managementRoute } from "@/lib/api/route";
import { endAccountSession } from "@/lib/dal/account-sessions";

/** Ends one of the caller's sessions; anyone else's id is a 404, like an unknown one. */
export const DELETE = managementRoute({}, async ({ ctx, params }) => {
  await endAccountSession(ctx, params.id ?? "");
  return new Response(null, { status: 204 });
});
