import type { AppError } from "./app-error";
import type { ErrorCode } from "./error-codes";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" } as const;

/**
 * API answers are never stored by a cache or the browser unless a route says otherwise: they are
 * per-tenant, and many carry a secret or token shown once (login, refresh, key create and rotate,
 * signing secrets). One default instead of a list every new route must remember to join.
 */
const NO_STORE = "no-store";

/** 401s say how to authenticate, as RFC 9110 asks. */
const AUTH_CHALLENGE = 'Bearer realm="keydesk"';

export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(JSON_HEADERS)) headers.set(name, value);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", NO_STORE);
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

export function errorResponse(error: AppError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details) body.error.details = error.details;
  const headers = new Headers(error.headers);
  if (error.status === 401 && !headers.has("WWW-Authenticate"))
    headers.set("WWW-Authenticate", AUTH_CHALLENGE);
  return jsonResponse(body, { status: error.status, headers });
}
