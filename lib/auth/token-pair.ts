import "server-only";
import { getEnv } from "@/lib/env";
import type { TokenPair } from "@/lib/schemas/auth";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./access-token";

export async function tokenPair(session: {
  sessionId: string;
  userId: string;
  tenantId: string;
  refreshToken: string;
}): Promise<TokenPair> {
  const accessToken = await signAccessToken(session, getEnv().authSecret);
  return {
    accessToken,
    refreshToken: session.refreshToken,
    tokenType: "Bearer",
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
  };
}

/** Responses that carry credentials must never be stored by a cache or the browser. */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;
