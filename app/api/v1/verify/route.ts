import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { rateLimitHeaders } from "@/lib/verify/http";
import { runVerification } from "@/lib/verify/runtime";
import { verifyInput } from "@/lib/verify/verify-input";

export const dynamic = "force-dynamic";

/**
 * Always 200 with `{valid, …}` for a well-formed request (400 only for a malformed one). Without
 * `ip`, the allowlist is checked against the caller's own address — a gateway should send `ip`.
 */
export const POST = publicRoute({ body: verifyInput }, async ({ body, clientIp }) => {
  const result = await runVerification({
    credential: body.key ?? body.token ?? null,
    clientIp: body.ip ?? clientIp,
    environment: body.environment,
    scopes: body.scopes,
  });
  const headers = { ...rateLimitHeaders(result.ratelimit), "Cache-Control": "no-store" };
  if (!result.ok) {
    return jsonResponse(
      {
        valid: false,
        code: result.code,
        message: result.message,
        ...(result.details ? { details: result.details } : {}),
      },
      { headers },
    );
  }
  const { key, ratelimit } = result;
  return jsonResponse(
    {
      valid: true,
      keyId: key.id,
      tenantId: key.tenantId,
      environment: key.environment,
      scopes: key.scopes,
      expiresAt: key.expiresAtMs === null ? null : new Date(key.expiresAtMs).toISOString(),
      meta: key.metadata,
      ratelimit: { limit: ratelimit.limit, remaining: ratelimit.remaining, reset: ratelimit.resetAt },
    },
    { headers },
  );
});
