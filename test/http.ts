import { randomBytes } from "node:crypto";
import { stampedClientIpHeaders } from "@/lib/http/client-ip";

type Handler = (
  req: Request,
  segment?: { params: Promise<Record<string, string>> },
) => Promise<Response> | Response;

export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  token?: string;
  ip?: string;
  params?: Record<string, string>;
};

// biome-ignore lint/suspicious/noExplicitAny: test bodies are asserted field by field
export type CallResult = { status: number; headers: Headers; json: () => Promise<any>; text: string };

/** Calls a route handler as Next would, with the client address stamped as server.ts does. */
export async function call(handler: Handler, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = {
    ...stampedClientIpHeaders(options.ip ?? "203.0.113.10"),
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`http://keydesk.test${options.path ?? "/"}`, {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: async () => JSON.parse(text) };
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomBytes(6).toString("hex")}@example.com`;
}

/** A documentation-range address no other test uses, so throttling state never collides. */
export function uniqueIp(): string {
  const b = randomBytes(4);
  return `2001:db8:${b.readUInt16BE(0).toString(16)}:${b.readUInt16BE(2).toString(16)}::1`;
}
