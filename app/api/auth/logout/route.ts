import { publicRoute } from "@/lib/api/route";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { revokeSessionById, revokeSessionByRefreshToken } from "@/lib/dal/auth-sessions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { bearerCredential } from "@/lib/http/bearer";
import { logoutInput } from "@/lib/schemas/auth";

/**
 * Ends a programmatic session: by its refresh token (body), or by the access token in the
 * Authorization header. Either ends the whole family, so the access token stops working too.
 */
export const POST = publicRoute({ body: logoutInput }, async ({ req, body, clientIp }) => {
  if (body.refreshToken) {
    await revokeSessionByRefreshToken(body.refreshToken, clientIp);
    return new Response(null, { status: 204 });
  }
  const token = bearerCredential(req.headers.get("authorization"));
  const claims = token ? await verifyAccessToken(token, getEnv().authSecret) : null;
  if (!claims)
    throw new AppError(
      "UNAUTHORIZED",
      "Send the refresh token in the body or the access token as a Bearer token.",
    );
  await revokeSessionById(claims, clientIp);
  return new Response(null, { status: 204 });
});
