import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors/app-error";
import { errorOutput } from "@/lib/errors/envelope";
import { BODY_CAPS, declaredTooLarge } from "@/lib/http/body-limits";
import { type CoreHandler, type HttpInput, type HttpOutput, runCore } from "@/lib/http/core";
import { discardRest, readCapped } from "./read-capped";
import { apiSecurityHeaders } from "./security-headers";
import { writeOutput } from "./write-output";

export type FastRoutes = Record<string, Partial<Record<"GET" | "POST", { core: CoreHandler }>>>;

/** A body past the cap is refused whole (413), never truncated and then parsed. */
async function readText(req: IncomingMessage): Promise<string> {
  const read = await readCapped(req, BODY_CAPS.api);
  if (!read.ok) throw new AppError("PAYLOAD_TOO_LARGE");
  return read.body.toString("utf8");
}

/** The request as the core handlers read it; a class, so no closures are made per request. */
class SocketInput implements HttpInput {
  readonly via = "fast";
  constructor(
    private readonly req: IncomingMessage,
    readonly clientIp: string,
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

  text(): Promise<string> {
    return readText(this.req);
  }
}

/**
 * SPEC §7: the verification routes are served straight from the socket by the `core` of the very
 * handlers their `route.ts` files export, skipping Next's request pipeline (~30× slower than the
 * verification itself). Everything else, and other methods, go to Next.
 */
export function createFastPath(routes: FastRoutes, options: { hsts?: string } = {}) {
  const securityHeaders = apiSecurityHeaders(options.hsts);

  function send(req: IncomingMessage, res: ServerResponse, out: HttpOutput): void {
    writeOutput(res, out, securityHeaders);
    // A body left unread (refused at its cap, or sent to whoami) is dropped, briefly, then cut.
    discardRest(req, res);
  }

  return {
    match(req: IncomingMessage): CoreHandler | undefined {
      const url = req.url ?? "/";
      const query = url.indexOf("?");
      return routes[query === -1 ? url : url.slice(0, query)]?.[req.method as "GET" | "POST"]?.core;
    },

    /** Answers synchronously when the core can (a cached key), else once it has decided. */
    /** `clientIp`: the address server.ts resolved for this request (lib/server/stamp-client-ip.ts). */
    serve(
      core: CoreHandler,
      req: IncomingMessage,
      res: ServerResponse,
      clientIp: string,
    ): void | Promise<void> {
      if (declaredTooLarge(req.headers["content-length"], BODY_CAPS.api)) {
        return send(req, res, errorOutput("PAYLOAD_TOO_LARGE"));
      }
      const out = runCore(core, new SocketInput(req, clientIp));
      if (out instanceof Promise) return out.then((answer) => send(req, res, answer));
      send(req, res, out);
    },
  };
}
