import { attempt, type MaybePromise } from "@/lib/async/maybe-promise";
import { AppError } from "@/lib/errors/app-error";
import { appErrorOutput, errorOutput, type JsonOutput, toResponse } from "@/lib/errors/envelope";
import { describeError, log } from "@/lib/log";
import { BODY_CAPS, readBodyCapped } from "./body-limits";

/**
 * The consumer routes are written against this small request/response shape instead of the Fetch
 * API's Request/Response, whose construction costs more than verifying a key. Next calls them
 * through `consumerRoute` (Request in, Response out); server.ts calls the same `core` straight from
 * the socket (SPEC §7).
 */
export type HttpInput = {
  method: string;
  /** Path and query, as on the request line. */
  url: string;
  header(name: string): string | null;
  /**
   * The body as text; fails with PAYLOAD_TOO_LARGE (→ 413) once it passes BODY_CAPS.api. The fast
   * path has read it before the core runs and answers at once (a throw, not a rejection).
   */
  text(): MaybePromise<string>;
  /** Which server answered: the socket fast path or Next (for /api/metrics). */
  via: "fast" | "next";
  /**
   * The client address server.ts resolved from the socket, when the fast path serves the request
   * itself; otherwise it is read from the stamped headers (lib/http/client-ip.ts).
   */
  clientIp?: string;
};

export type HttpOutput = JsonOutput;
/** Answers synchronously when it can (a cached key on the fast path), else with a promise. */
export type CoreHandler = (input: HttpInput) => MaybePromise<HttpOutput>;

/**
 * Catches what a core handler throws: an AppError (e.g. 503 while the database is away) is answered
 * in the envelope; anything else is a bare 500 for the caller and the (redacted) detail for the log.
 */
export function runCore(core: CoreHandler, input: HttpInput): MaybePromise<HttpOutput> {
  return attempt(
    () => core(input),
    (error) => {
      if (error instanceof AppError) return appErrorOutput(error);
      const query = input.url.indexOf("?");
      log.error("unhandled error in consumer route", {
        method: input.method,
        path: query === -1 ? input.url : input.url.slice(0, query),
        ...describeError(error),
      });
      return errorOutput("INTERNAL_ERROR");
    },
  );
}

function inputFromRequest(req: Request): HttpInput {
  const url = new URL(req.url);
  return {
    method: req.method,
    url: url.pathname + url.search,
    header: (name) => req.headers.get(name),
    text: async () => (await readBodyCapped(req, BODY_CAPS.api)).toString("utf8"),
    via: "next",
  };
}

/** A Next route handler around a core handler; `.core` is what the socket fast path calls. */
export function consumerRoute(core: CoreHandler) {
  const handler = async (req: Request): Promise<Response> => {
    const out = await runCore(core, inputFromRequest(req));
    return toResponse(out);
  };
  return Object.assign(handler, { core });
}
