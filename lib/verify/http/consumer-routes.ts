import { andThen, type MaybePromise } from "@/lib/async/maybe-promise";
import { errorOutput, jsonOutput } from "@/lib/errors/envelope";
import { parseWith } from "@/lib/errors/field-errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import type { CoreHandler, HttpInput, HttpOutput } from "@/lib/http/core";
import { hasCredentialInQuery } from "@/lib/http/credential-query";
import { readJson } from "@/lib/http/json-body";
import { verifyInput } from "@/lib/schemas/verify";
import { credentialFromHeaders } from "@/lib/verify/core/credential";
import type { VerificationResult } from "@/lib/verify/core/types";
import { runVerification } from "@/lib/verify/runtime/runtime";
import { identity, keyIdentity, namedLimitsBody, rateLimitHeaders } from "./http";

const TWO_CREDENTIALS_MESSAGE =
  "Send one credential per request: X-API-Key or Authorization: Bearer, not two different ones.";

/** The input's headers as `{get}`: a class, so a request makes no closure (or its `name`). */
class InputHeaders {
  constructor(private readonly input: HttpInput) {}
  get(name: string): string | null {
    return this.input.header(name);
  }
}

function headersOf(input: HttpInput): InputHeaders {
  return new InputHeaders(input);
}

function clientIpOf(input: HttpInput): string {
  return input.clientIp ?? clientIpFromHeaders(headersOf(input));
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
  if (result.code === "USAGE_EXCEEDED") {
    headers["cache-control"] = "no-store";
    // Retry-After only when waiting helps: a refill is scheduled.
    const retryAfter = secondsUntil(result.details?.nextRefillAt);
    if (retryAfter !== null) headers["retry-after"] = String(retryAfter);
  }
  return errorOutput(result.code, result.message, result.details, headers);
}

function secondsUntil(iso: unknown, now = Date.now()): number | null {
  if (typeof iso !== "string") return null;
  return Math.max(1, Math.ceil((Date.parse(iso) - now) / 1000));
}

function whoamiOutput(result: VerificationResult): HttpOutput {
  if (!result.ok) return failureOutput(result);
  const headers = rateLimitHeaders(result.ratelimit);
  // A balance changes with every call: no cache may keep an answer that carries one.
  if (result.credits) headers["cache-control"] = "no-store";
  return jsonOutput(identity(result.key, result.credits ?? null), 200, headers);
}

/** GET /api/v1/whoami: with a cached key, answered synchronously (no promise on the way). */
export const whoamiCore: CoreHandler = (input) => {
  const refused = keyInQuery(input);
  if (refused) return refused;
  const headers = headersOf(input);
  const sent = credentialFromHeaders(headers);
  if (!sent.ok) return errorOutput("INVALID_REQUEST", TWO_CREDENTIALS_MESSAGE);
  const result = runVerification(
    {
      credential: sent.credential,
      clientIp: clientIpOf(input),
      route: "whoami",
      userAgent: input.header("user-agent"),
    },
    input.via,
  );
  return andThen(result, whoamiOutput);
};

/**
 * POST /api/v1/verify: 200 `{valid, …}` for any well-formed request; 400 only for a malformed one.
 * On the fast path the body is read before the core runs, so a cached key is answered synchronously
 * here too.
 */
export const verifyCore: CoreHandler = (input) => {
  const refused = keyInQuery(input);
  if (refused) return refused;
  const json = readJson(input.header("content-type"), input);
  if (json instanceof Promise) return json.then((read) => verifyBody(input, read));
  return verifyBody(input, json);
};

function verifyBody(input: HttpInput, json: unknown): MaybePromise<HttpOutput> {
  const body = parseWith(verifyInput, json);
  const callerIp = clientIpOf(input);
  const result = runVerification(
    {
      credential: body.key ?? body.token ?? null,
      clientIp: body.ip ?? callerIp,
      callerIp,
      environment: body.environment,
      scopes: body.scopes,
      cost: body.cost,
      ratelimits: body.ratelimits,
      route: "verify",
    },
    input.via,
  );
  return andThen(result, verifyOutput);
}

/** The verify answer of a key with no named limits: one shared empty list, not one per request. */
const NO_NAMED_LIMITS: readonly never[] = Object.freeze([]);

function verifyOutput(result: VerificationResult): HttpOutput {
  // A throttled caller is told so with a 429, not a verdict on a credential it never had checked.
  if (!result.ok && result.callerThrottled) return failureOutput(result);
  const headers = { ...rateLimitHeaders(result.ratelimit), "cache-control": "no-store" };
  if (!result.ok) {
    const { code, message, details, ratelimits } = result;
    return jsonOutput(
      {
        valid: false,
        code,
        message,
        ...(details ? { details } : {}),
        ...(ratelimits ? { ratelimits: namedLimitsBody(ratelimits) } : {}),
      },
      200,
      headers,
    );
  }
  const { key, ratelimit, ratelimits, unknownRatelimits, credits } = result;
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
      credits: credits ?? null,
      identity: keyIdentity(key),
      ratelimits: ratelimits ? namedLimitsBody(ratelimits) : NO_NAMED_LIMITS,
      ...(unknownRatelimits ? { unknownRatelimits } : {}),
    },
    200,
    headers,
  );
}
