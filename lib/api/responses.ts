import { jsonOutput, toResponse } from "@/lib/errors/envelope";

/** A JSON answer for a route handler: the one writer (lib/errors/envelope.ts), as a Fetch Response. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  return toResponse(jsonOutput(body, init.status ?? 200, headers));
}

/** A CSV download: an attachment (never rendered in the browser), per user, never cached. */
export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
