import { AppError } from "@/lib/api/app-error";
import { errorResponse, jsonResponse } from "@/lib/api/responses";
import type { RateLimitInfo, VerifiableKey, VerificationResult } from "./types";

/** IETF RateLimit header fields: limit, remaining, and seconds until the window frees up. */
export function rateLimitHeaders(info: RateLimitInfo | undefined, now = Date.now()): Record<string, string> {
  if (!info) return {};
  return {
    "RateLimit-Limit": String(info.limit),
    "RateLimit-Remaining": String(Math.max(0, info.remaining)),
    "RateLimit-Reset": String(Math.max(0, Math.ceil((info.resetAt - now) / 1000))),
  };
}

export function identity(key: VerifiableKey) {
  return {
    keyId: key.id,
    tenantId: key.tenantId,
    name: key.name,
    type: key.type,
    environment: key.environment,
    scopes: key.scopes,
    expiresAt: key.expiresAtMs === null ? null : new Date(key.expiresAtMs).toISOString(),
  };
}

/** For consumer routes: the identity, or the SPEC §3 error with its status and headers. */
export function verificationResponse(result: VerificationResult): Response {
  const headers = rateLimitHeaders(result.ratelimit);
  if (result.ok) return jsonResponse(identity(result.key), { headers });
  if (result.code === "RATE_LIMITED" && result.details?.retryAfter !== undefined) {
    headers["Retry-After"] = String(result.details.retryAfter);
  }
  return errorResponse(new AppError(result.code, result.message, result.details, headers));
}
