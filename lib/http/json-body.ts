import { andThen, type MaybePromise } from "@/lib/async/maybe-promise";
import { AppError } from "@/lib/errors/app-error";
import { BODY_CAPS, readBodyCapped } from "./body-limits";

/**
 * The one JSON body reader, for route handlers (Fetch Request) and the consumer routes' core
 * (HttpInput) alike: the content type is checked (415), the body read up to its cap while it
 * streams (413), parsed (400 INVALID_JSON) and checked for depth and NUL characters (400).
 */

/** Deeper than any body Keydesk accepts (metadata allows 16 levels); bounds every later recursion. */
export const MAX_JSON_DEPTH = 32;

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

/** Parses JSON text from a request: an empty body is `{}`, malformed JSON a 400, never a 500. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON");
  }
  if (mayBeUnsafe(text)) assertSafeJson(json);
  return json;
}

/**
 * False when the text alone proves the parsed value safe, so the common small body skips the walk:
 * with fewer than MAX_JSON_DEPTH brackets it cannot nest that deep, and a NUL can only come from a
 * `\u0000` escape (JSON.parse refuses raw control characters inside strings).
 */
function mayBeUnsafe(text: string): boolean {
  if (/\\u0000/i.test(text)) return true;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x7b || c === 0x5b) && ++brackets >= MAX_JSON_DEPTH) return true;
  }
  return false;
}

/** No content type is taken as JSON (curl -d without -H); any other type than JSON is a 415. */
export function assertJsonContentType(contentType: string | null): void {
  if (contentType && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  }
}

/**
 * `body.text()` reads the body, refusing it past its cap; a body already read (the socket fast
 * path) is parsed at once. `body` is an object rather than a callback: no closure per request.
 */
export function readJson(
  contentType: string | null,
  body: { text(): MaybePromise<string> },
): MaybePromise<unknown> {
  assertJsonContentType(contentType);
  return andThen(body.text(), parseJsonText);
}

/** A Fetch request's JSON body, read up to `maxBytes`. */
export async function readJsonBody(req: Request, maxBytes: number = BODY_CAPS.api): Promise<unknown> {
  return readJson(req.headers.get("content-type"), {
    text: async () => (await readBodyCapped(req, maxBytes)).toString("utf8"),
  });
}
