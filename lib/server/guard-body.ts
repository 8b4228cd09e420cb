import { IncomingMessage, type ServerResponse } from "node:http";
import { errorOutput } from "@/lib/errors/envelope";
import { bodyCapFor, declaredTooLarge } from "@/lib/http/body-limits";
import { discardRest, hasBody, readCapped } from "./read-capped";
import { writeOutput } from "./write-output";

/** The 413 envelope, written by server.ts itself; the rest of the body is dropped (discardRest). */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  writeOutput(res, errorOutput("PAYLOAD_TOO_LARGE"));
  discardRest(req, res);
}

/**
 * A copy of `req` whose body is `body`, already read. Next reads bodies itself (next-auth's form
 * post, server actions) with no cap of ours, so server.ts reads them first, counting as they
 * stream, and hands Next this replay; the original request's stream is then spent.
 */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? ""]).flatMap((one) => [name, one]),
  );
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

function pathnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://keydesk.invalid").pathname;
  } catch {
    // Next answers an unparseable target itself; the page cap is the smallest harm meanwhile.
    return "/";
  }
}

/**
 * Enforces the body cap of the request's path (lib/http/body-limits.ts) before Next sees it: a
 * declared Content-Length over the cap is refused at once, a chunked body is counted as it arrives
 * and cut at the cap. Resolves with the request to hand on, or null once 413 has been sent.
 */
export async function guardBody(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  if (!hasBody(req)) return req;
  const cap = bodyCapFor(pathnameOf(req.url));
  if (declaredTooLarge(req.headers["content-length"], cap)) {
    refuseTooLarge(req, res);
    return null;
  }
  const read = await readCapped(req, cap);
  if (!read.ok) {
    refuseTooLarge(req, res);
    return null;
  }
  return replay(req, read.body);
}
