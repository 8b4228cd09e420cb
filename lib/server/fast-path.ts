import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors/app-error";
import { errorOutput } from "@/lib/errors/envelope";
import { BODY_CAPS, declaredTooLarge } from "@/lib/http/body-limits";
import { type CoreHandler, type HttpInput, runCore } from "@/lib/http/core";
import { type CappedRead, hasBody, readCappedThen } from "./read-capped";
import { createResponseBatch } from "./response-batch";
import { apiSecurityHeaders } from "./security-headers";

export type FastRoutes = Record<string, Partial<Record<"GET" | "POST", { core: CoreHandler }>>>;

const EMPTY_BODY: CappedRead = { ok: true, body: Buffer.alloc(0) };

/**
 * The request as the core handlers read it; a class, so no closures are made per request. The body
 * was read before the core runs: a body past the cap is refused whole (413) when the core asks for
 * it, never truncated and then parsed, at the point where a route handler would have refused it.
 */
class SocketInput implements HttpInput {
  readonly via = "fast";
  constructor(
    private readonly req: IncomingMessage,
    readonly clientIp: string,
    private readonly read: CappedRead,
  ) {}

  get method(): string {
    return this.req.method ?? "GET";
  }

  get url(): string {
    return this.req.url ?? "/";
  }

  header(name: string): string | null {
    const value = this.req.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }

  text(): string {
    if (!this.read.ok) throw new AppError("PAYLOAD_TOO_LARGE");
    return this.read.body.toString("utf8");
  }
}

/** A POST whose body is taken once the turn's reads are parsed. */
type Waiting = {
  core: CoreHandler;
  req: IncomingMessage;
  res: ServerResponse;
  clientIp: string;
  failed: (error: unknown) => void;
};

/**
 * A body that arrived whole: all of it is in the request's buffer once Node's parser has run over
 * the turn's reads (`complete`), and is taken in one `read()`, without the stream's `data` and
 * `end` events. Past the cap (a chunked body declares no length) it is refused, as while streaming.
 */
function takeBuffered(req: IncomingMessage, maxBytes: number): CappedRead {
  const length = req.readableLength;
  if (length > maxBytes) return { ok: false };
  return length === 0 ? EMPTY_BODY : { ok: true, body: req.read() as Buffer };
}

/**
 * SPEC §7: the verification routes are served straight from the socket by the `core` of the very
 * handlers their `route.ts` files export, skipping Next's request pipeline (~30× slower than the
 * verification itself). Everything else, and other methods, go to Next.
 *
 * Nothing on the way to a cached key's answer is a promise. A POST is decided at the end of the
 * turn that brought it, with the turn's answers (lib/server/response-batch.ts): Node parses a body
 * that came in the same reads as its headers after the `request` event, so by then it is whole in
 * the request's buffer and is taken at once (`takeBuffered`); a body still on its way is read with
 * callbacks as it streams (`readCappedThen`). Either way the core then answers synchronously.
 */
export function createFastPath(routes: FastRoutes, options: { hsts?: string } = {}) {
  let waiting: Waiting[] = [];
  const { send, schedule } = createResponseBatch(apiSecurityHeaders(options.hsts), decideWaiting);

  function decideWaiting(): void {
    if (waiting.length === 0) return;
    const turn = waiting;
    waiting = [];
    for (const { core, req, res, clientIp, failed } of turn) {
      if (!req.complete) {
        readCappedThen(req, BODY_CAPS.api, (error, read) => {
          if (error) return failed(error);
          answer(core, req, res, clientIp, read!, failed);
        });
        continue;
      }
      answer(core, req, res, clientIp, takeBuffered(req, BODY_CAPS.api), failed);
    }
  }

  function answer(
    core: CoreHandler,
    req: IncomingMessage,
    res: ServerResponse,
    clientIp: string,
    read: CappedRead,
    failed: (error: unknown) => void,
  ): void {
    try {
      decide(core, req, res, clientIp, read)?.catch(failed);
    } catch (thrown) {
      failed(thrown);
    }
  }

  function decide(
    core: CoreHandler,
    req: IncomingMessage,
    res: ServerResponse,
    clientIp: string,
    read: CappedRead,
  ): void | Promise<void> {
    const out = runCore(core, new SocketInput(req, clientIp, read));
    if (out instanceof Promise) return out.then((answer) => send(req, res, answer));
    send(req, res, out);
  }

  return {
    match(req: IncomingMessage): CoreHandler | undefined {
      const url = req.url ?? "/";
      const query = url.indexOf("?");
      return routes[query === -1 ? url : url.slice(0, query)]?.[req.method as "GET" | "POST"]?.core;
    },

    /**
     * Answers synchronously when the core can (a cached key without a body), else once it has
     * decided. `clientIp`: the address server.ts resolved (lib/server/stamp-client-ip.ts).
     * `failed` answers what throws or rejects after this returned.
     */
    serve(
      core: CoreHandler,
      req: IncomingMessage,
      res: ServerResponse,
      clientIp: string,
      failed: (error: unknown) => void,
    ): void | Promise<void> {
      if (declaredTooLarge(req.headers["content-length"], BODY_CAPS.api)) {
        return send(req, res, errorOutput("PAYLOAD_TOO_LARGE"));
      }
      if (req.method === "GET" || !hasBody(req)) return decide(core, req, res, clientIp, EMPTY_BODY);
      waiting.push({ core, req, res, clientIp, failed });
      schedule();
    },
  };
}
