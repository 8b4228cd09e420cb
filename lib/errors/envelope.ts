import type { AppError } from "./app-error";
import { ERROR_CODES, type ErrorCode } from "./codes";

/**
 * The one writer of answers in JSON, and so of the error envelope `{error: {code, message, details?}}`
 * (SPEC §3): route handlers turn its output into a Fetch Response (`toResponse`), the socket fast
 * path and server.ts write it to a Node response as it is. Header names are kept in lower case, so
 * a caller's own `cache-control` replaces the default instead of doubling it.
 */
export type JsonOutput = { status: number; headers: Record<string, string>; body: string };

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/**
 * API answers are never stored by a cache or the browser unless a route says otherwise: they are
 * per-tenant, and many carry a secret or token shown once (login, refresh, key create and rotate,
 * signing secrets). One default instead of a list every new route must remember to join.
 */
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** 401s say how to authenticate, as RFC 9110 asks. */
const AUTH_CHALLENGE = 'Bearer realm="keydesk"';

/** AppErrors name their headers as people write them ("Retry-After"). */
function lowerCased(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  for (const name in headers) out[name.toLowerCase()] = headers[name]!;
  return out;
}

/** `headers` (names in lower case) win over the defaults. */
export function jsonOutput(body: unknown, status = 200, headers?: Record<string, string>): JsonOutput {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export function errorBody(
  code: ErrorCode,
  message: string = ERROR_CODES[code].message,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** The envelope for `code`, built without an Error object (no stack capture on the hot path). */
export function errorOutput(
  code: ErrorCode,
  message?: string,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
): JsonOutput {
  const status = ERROR_CODES[code].status;
  const out = jsonOutput(errorBody(code, message, details), status, headers);
  if (status === 401) out.headers["www-authenticate"] ??= AUTH_CHALLENGE;
  return out;
}

export function appErrorOutput(error: AppError): JsonOutput {
  return errorOutput(error.code, error.message, error.details, lowerCased(error.headers));
}

export function toResponse(out: JsonOutput): Response {
  return new Response(out.body, { status: out.status, headers: out.headers });
}

export function errorResponse(error: AppError): Response {
  return toResponse(appErrorOutput(error));
}
