import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { NO_STORE, tokenPair } from "@/lib/auth/token-pair";
import { rotateRefreshToken } from "@/lib/dal/auth-sessions";
import { AppError } from "@/lib/errors/app-error";
import { refreshInput } from "@/lib/schemas/auth";

export const POST = publicRoute({ body: refreshInput }, async ({ body, clientIp }) => {
  const result = await rotateRefreshToken(body.refreshToken, clientIp);
  if (!result.ok) {
    throw new AppError(
      "INVALID_REFRESH_TOKEN",
      result.reason === "reused"
        ? "This refresh token was already used; every token of its session has been revoked. Log in again."
        : undefined,
    );
  }
  return jsonResponse(await tokenPair(result), { headers: NO_STORE });
});
