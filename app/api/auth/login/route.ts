import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { passwordLogin } from "@/lib/auth/password-login";
import { NO_STORE, tokenPair } from "@/lib/auth/token-pair";
import { createAuthSession } from "@/lib/dal/auth-sessions";
import { AppError, rateLimitedError } from "@/lib/errors/app-error";
import { loginInput } from "@/lib/schemas/auth";

export const POST = publicRoute({ body: loginInput }, async ({ body, clientIp }) => {
  const result = await passwordLogin(body.email, body.password, clientIp, body.tenantId);
  if (!result.ok) {
    if (result.code === "RATE_LIMITED") {
      throw rateLimitedError(
        result.retryAfterSeconds,
        `Too many failed logins. Try again in ${result.retryAfterSeconds} seconds.`,
      );
    }
    if (result.code === "NOT_A_MEMBER") {
      if (!body.tenantId) throw new AppError("FORBIDDEN", "You are not a member of any workspace.");
      throw new AppError("FORBIDDEN", "You are not a member of this workspace.", {
        fields: [{ path: "tenantId", message: "Not a workspace of this account." }],
      });
    }
    throw new AppError("INVALID_CREDENTIALS");
  }
  const session = await createAuthSession({ userId: result.userId, tenantId: result.tenantId, ip: clientIp });
  return jsonResponse(await tokenPair(session), { headers: NO_STORE });
});
