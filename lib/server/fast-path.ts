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

/**
 * SPEC §7: the verification routes are served straight from the socket by the `core` of the very
 * handlers their `route.ts` files export, skipping Next's request pipeline (~30× slower than the
 * verification itself). Everything else, and other methods, go to Next.
 *
 * Nothing on the way to a cached key's answer is a promise: a POST body is read with callbacks
 * before the core runs, the core answers synchronously, and the answer joins the turn's batch
 * (lib/server/response-batch.ts).
 */
export function createFastPath(routes: FastRoutes, options: { hsts?: string } = {}) {
  const send = createResponseBatch(apiSecurityHeaders(options.hsts));

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
      readCappedThen(req, BODY_CAPS.api, (error, read) => {
        if (error) return failed(error);
        try {
          decide(core, req, res, clientIp, read!)?.catch(failed);
        } catch (thrown) {
          failed(thrown);
        }
      });
    },
  };
}
