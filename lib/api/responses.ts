import { jsonOutput, toResponse } from "@/lib/errors/envelope";

/** A JSON answer for a route handler: the one writer (lib/errors/envelope.ts), as a Fetch Response. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  return toResponse(jsonOutput(body, init.status ?? 200, headers));
}
