import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { BODY_CAPS, readBodyCapped } from "./body-limits";

/** Deeper than any body Keydesk accepts (metadata allows 16 levels); bounds every later recursion. */
export const MAX_JSON_DEPTH = 32;

export function validationError(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const first = fields[0];
  const message = first
    ? `${first.path ? `${first.path}: ` : ""}${first.message}`
    : "The request is invalid.";
  return new AppError("VALIDATION_ERROR", message, { fields });
}

/**
 * Walks parsed JSON without recursion: nesting past MAX_JSON_DEPTH would make every recursive
 * consumer after it (zod, the metadata checks, JSON.stringify) a stack-overflow risk, and a NUL
 * character is refused by PostgreSQL's text type, so it is turned away here as bad input (400)
 * rather than failing an INSERT later (500).
 */
export function assertSafeJson(value: unknown): void {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === "string") {
      if (current.includes("\u0000"))
        throw new AppError("VALIDATION_ERROR", "Text must not contain NUL (\\u0000) characters.");
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= MAX_JSON_DEPTH)
      throw new AppError("VALIDATION_ERROR", `JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    const entries = Array.isArray(current) ? current : Object.entries(current).flat();
    for (const child of entries) stack.push([child, depth + 1]);
  }
}

/** Parses JSON text from a request: malformed JSON is a 400, never a 500. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON");
  }
  assertSafeJson(json);
  return json;
}

export function assertJsonContentType(contentType: string | null): void {
  if (contentType && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  }
}

/** Reads a JSON body, stopping at its cap while it streams (413), then parses it. */
export async function readJsonBody(req: Request, maxBytes: number = BODY_CAPS.api): Promise<unknown> {
  assertJsonContentType(req.headers.get("content-type"));
  const raw = await readBodyCapped(req, maxBytes);
  return parseJsonText(raw.toString("utf8"));
}

export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
