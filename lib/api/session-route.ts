import "server-only";
import type { z } from "zod";
import { currentContext } from "@/lib/auth/session";
import type { TenantContext } from "@/lib/dal/context";
import { AppError } from "@/lib/errors/app-error";
import { parseQuery } from "./parse-input";
import { jsonResponse } from "./responses";
import { handleError } from "./route";

type Params = Record<string, string>;
type Segment = { params: Promise<Params> };
export type SessionArgs<Q> = { ctx: TenantContext; query: Q; params: Params };

/**
 * Reads for the dashboard's own pages (polling, "Load more"), authenticated by the browser session
 * rather than an access token. GET only: writes go through server actions. The tenant comes from
 * the session alone; every role may read. Same error envelope as every other route; 401 without a
 * session. Answers are per user and never cached.
 */
export function sessionRoute<Q = undefined>(
  config: { query?: z.ZodType<Q> },
  /** A Response (a CSV download) is sent as it is; anything else as JSON. */
  handler: (args: SessionArgs<Q>) => Promise<unknown>,
) {
  return async (req: Request, segment?: Segment): Promise<Response> => {
    try {
      const ctx = await currentContext();
      if (!ctx) throw new AppError("UNAUTHORIZED", "Log in to Keydesk to see this.");
      const query = config.query ? parseQuery(config.query, new URL(req.url)) : (undefined as Q);
      const params = segment ? await segment.params : {};
      const body = await handler({ ctx, query, params });
      if (body instanceof Response) return body;
      return jsonResponse(body, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return handleError(error, req);
    }
  };
}
