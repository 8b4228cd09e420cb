import type { z } from "zod";
import { clientIpFromHeaders } from "@/lib/api/client-ip";
import { hasCredentialInQuery } from "@/lib/api/credential-query";
import {
  type CoreHandler,
  errorOutput,
  type HttpInput,
  type HttpOutput,
  jsonOutput,
} from "@/lib/api/http-core";
import { validationError } from "@/lib/api/parse-input";
import { credentialFromHeaders } from "./credential";
import { identity, rateLimitHeaders } from "./http";
import { runVerification } from "./runtime";
import type { VerificationResult } from "./types";
import { verifyInput } from "./verify-input";

const MAX_BODY_BYTES = 64 * 1024;
const TWO_CREDENTIALS_MESSAGE =
  "Send one credential per request: X-API-Key or Authorization: Bearer, not two different ones.";

function headersOf(input: HttpInput) {
  return { get: (name: string) => input.header(name) };
}

/** Keys never travel in URLs (they end up in logs and browser history): refused before anything else. */
function keyInQuery(input: HttpInput): HttpOutput | null {
  return hasCredentialInQuery(input.url) ? errorOutput("KEY_IN_QUERY") : null;
}

function failureOutput(result: Extract<VerificationResult, { ok: false }>): HttpOutput {
  const headers = rateLimitHeaders(result.ratelimit);
  if (result.code === "RATE_LIMITED" && result.details?.retryAfter !== undefined) {
    headers["retry-after"] = String(result.details.retryAfter);
    headers["cache-control"] = "no-store";
  }
  return errorOutput(result.code, result.message, result.details, headers);
}

/** GET /api/v1/whoami */
export const whoamiCore: CoreHandler = async (input) => {
  const refused = keyInQuery(input);
  if (refused) return refused;
  const headers = headersOf(input);
  const sent = credentialFromHeaders(headers);
  if (!sent.ok) return errorOutput("INVALID_REQUEST", TWO_CREDENTIALS_MESSAGE);
  const result = await runVerification(
    {
      credential: sent.credential,
      clientIp: clientIpFromHeaders(headers),
    },
    input.via,
  );
  if (!result.ok) return failureOutput(result);
  return jsonOutput(identity(result.key), 200, rateLimitHeaders(result.ratelimit));
};

function validationOutput(error: z.ZodError): HttpOutput {
  const { code, message, details } = validationError(error);
  return errorOutput(code, message, details);
}

/** POST /api/v1/verify: 200 `{valid, …}` for any well-formed request; 400 only for a malformed one. */
export const verifyCore: CoreHandler = async (input) => {
  const refused = keyInQuery(input);
  if (refused) return refused;
  const contentType = input.header("content-type");
  if (contentType && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType))
    return errorOutput("UNSUPPORTED_MEDIA_TYPE");
  const text = await input.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return errorOutput("PAYLOAD_TOO_LARGE");
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return errorOutput("INVALID_JSON");
  }
  const parsed = verifyInput.safeParse(json);
  if (!parsed.success) return validationOutput(parsed.error);
  const body = parsed.data;
  const callerIp = clientIpFromHeaders(headersOf(input));
  const result = await runVerification(
    {
      credential: body.key ?? body.token ?? null,
      clientIp: body.ip ?? callerIp,
      callerIp,
      environment: body.environment,
      scopes: body.scopes,
    },
    input.via,
  );
  // A throttled caller is told so with a 429, not a verdict on a credential it never had checked.
  if (!result.ok && result.callerThrottled) return failureOutput(result);
  const headers = { ...rateLimitHeaders(result.ratelimit), "cache-control": "no-store" };
  if (!result.ok) {
    const { code, message, details } = result;
    return jsonOutput({ valid: false, code, message, ...(details ? { details } : {}) }, 200, headers);
  }
  const { key, ratelimit } = result;
  return jsonOutput(
    {
      valid: true,
      keyId: key.id,
      tenantId: key.tenantId,
      environment: key.environment,
      scopes: key.scopes,
      expiresAt: key.expiresAtMs === null ? null : new Date(key.expiresAtMs).toISOString(),
      meta: key.metadata,
      ratelimit: ratelimit && {
        limit: ratelimit.limit,
        remaining: ratelimit.remaining,
        reset: ratelimit.resetAt,
      },
    },
    200,
    headers,
  );
};
