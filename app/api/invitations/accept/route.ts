import { authenticateManagement } from "@/lib/api/management-auth";
import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { signUpWithInvitation } from "@/lib/auth/invitation-signup";
import { NO_STORE, tokenPair } from "@/lib/auth/token-pair";
import { acceptInvitationAsUser } from "@/lib/dal/accept-invitation";
import { createAuthSession } from "@/lib/dal/auth-sessions";
import { AppError } from "@/lib/errors/app-error";
import { acceptInvitationInput } from "@/lib/schemas/members";

/**
 * With an access token, its user joins (the invitation must name their email) and logs in to the
 * workspace with POST /api/auth/login and its tenantId. Without one, an account is made for the
 * invited email with `password`, and the answer carries a token pair for the workspace joined.
 */
export const POST = publicRoute({ body: acceptInvitationInput }, async ({ req, body, clientIp }) => {
  if (req.headers.has("authorization")) {
    const ctx = await authenticateManagement(req, clientIp);
    return acceptInvitationAsUser(body.token, ctx.userId, clientIp);
  }
  if (!body.password) {
    throw new AppError(
      "VALIDATION_ERROR",
      "Choose a password for the new account, or send your access token.",
      {
        fields: [{ path: "password", message: "Choose a password (at least 10 characters)." }],
      },
    );
  }
  const joined = await signUpWithInvitation(body.token, body.password, clientIp);
  const session = await createAuthSession({
    userId: joined.user.id,
    tenantId: joined.tenant.id,
    ip: clientIp,
  });
  return jsonResponse({ ...joined, ...(await tokenPair(session)) }, { status: 201, headers: NO_STORE });
});
