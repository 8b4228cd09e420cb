import { publicRoute } from "@/lib/api/route";
import { newSessionTokens } from "@/lib/api/token-response";
import { refuseTokensWithoutSecondFactor } from "@/lib/auth/mfa-login";
import { passwordLogin } from "@/lib/auth/password-login";
import { AppError, rateLimitedError } from "@/lib/errors/app-error";
import { loginInput } from "@/lib/schemas/auth";

export const POST = publicRoute({ body: loginInput }, async ({ req, body, clientIp }) => {
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
  await refuseTokensWithoutSecondFactor(result);
  return newSessionTokens(result, req, clientIp);
});
