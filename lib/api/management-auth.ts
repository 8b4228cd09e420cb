import "server-only";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { touchSession } from "@/lib/dal/account-sessions";
import type { TenantContext } from "@/lib/dal/context";
import { findLiveSession } from "@/lib/dal/session-rows";
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
  const session = await findLiveSession(claims);
  if (!session) throw new AppError("UNAUTHORIZED", "The session has ended. Log in again.");
  // The workspace's 2FA policy holds from the next request on, for tokens issued before it too.
  if (session.mustEnrolMfa) throw new AppError("MFA_ENROLMENT_REQUIRED");
  await touchSession({ sessionId: claims.sessionId, lastSeenAt: session.lastSeenAt }, clientIp);
  return {
    tenantId: claims.tenantId,
    userId: claims.userId,
    role: session.role,
    actor: { type: "token", id: claims.sessionId, userId: claims.userId },
    ip: clientIp,
    sessionId: claims.sessionId,
  };
}
