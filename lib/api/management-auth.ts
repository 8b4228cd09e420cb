import "server-only";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { findActiveSessionRole } from "@/lib/dal/auth-sessions";
import type { TenantContext } from "@/lib/dal/context";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { bearerCredential } from "@/lib/http/bearer";

/**
 * Management routes accept access tokens only. API keys and consumer JWTs fail the token's
 * algorithm, type and audience checks and get the same 401 as garbage, so a leaked data key
 * never reaches key management.
 */
export async function authenticateManagement(req: Request, clientIp: string): Promise<TenantContext> {
  const token = bearerCredential(req.headers.get("authorization"));
  if (!token)
    throw new AppError("UNAUTHORIZED", "Missing access token. Send Authorization: Bearer <accessToken>.");
  const claims = await verifyAccessToken(token, getEnv().authSecret);
  if (!claims) throw new AppError("UNAUTHORIZED", "The access token is invalid or expired.");
  const role = await findActiveSessionRole(claims);
  if (!role) throw new AppError("UNAUTHORIZED", "The session has ended. Log in again.");
  return {
    tenantId: claims.tenantId,
    userId: claims.userId,
    role,
    actor: { type: "token", id: claims.sessionId, userId: claims.userId },
    ip: clientIp,
  };
}
