import type { AppError } from "./app-error";
import type { ErrorCode } from "./error-codes";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" } as const;

/** 401s say how to authenticate, as RFC 9110 asks. */
const AUTH_CHALLENGE = 'Bearer realm="keydesk"';

export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(JSON_HEADERS)) headers.set(name, value);
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

export function errorResponse(error: AppError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details) body.error.details = error.details;
  const headers = new Headers(error.headers);
  if (error.status === 401 && !headers.has("WWW-Authenticate"))
    headers.set("WWW-Authenticate", AUTH_CHALLENGE);
  if (error.code === "RATE_LIMITED") headers.set("Cache-Control", "no-store");
  return jsonResponse(body, { status: error.status, headers });
}
