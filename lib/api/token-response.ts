import "server-only";
import { NO_STORE, tokenPair } from "@/lib/auth/token-pair";
import { createAuthSession } from "@/lib/dal/auth-sessions";
import { jsonResponse } from "./responses";

/**
 * The end of every programmatic login (password, or password then code): a new refresh-token family
 * with the client's address and user agent (for the Account page's session list), and the pair.
 */
export async function newSessionTokens(
  login: { userId: string; tenantId: string },
  req: Request,
  clientIp: string,
): Promise<Response> {
  const session = await createAuthSession({
    userId: login.userId,
    tenantId: login.tenantId,
    ip: clientIp,
    userAgent: req.headers.get("user-agent"),
  });
  return jsonResponse(await tokenPair(session), { headers: NO_STORE });
}
