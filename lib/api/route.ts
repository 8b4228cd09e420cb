import type { z } from "zod";
import { databaseErrorCode, isDatabaseUnavailable } from "@/db/availability";
import { countPoolError } from "@/db/client";
import type { TenantContext } from "@/lib/dal/context";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/envelope";
import { parseWith } from "@/lib/errors/field-errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { hasCredentialInQuery } from "@/lib/http/credential-query";
import { readJsonBody } from "@/lib/http/json-body";
import { describeError, log } from "@/lib/log";
import { authenticateManagement } from "./management-auth";
import { parseQuery } from "./parse-input";
import { jsonResponse } from "./responses";

type Params = Record<string, string>;
type Segment = { params: Promise<Params> };

type RouteConfig<B, Q> = { body?: z.ZodType<B>; query?: z.ZodType<Q>; maxBodyBytes?: number };

type BaseArgs<B, Q> = { req: Request; url: URL; body: B; query: Q; params: Params; clientIp: string };
export type PublicArgs<B, Q> = BaseArgs<B, Q>;
export type ManagementArgs<B, Q> = BaseArgs<B, Q> & { ctx: TenantContext };

/** A handler returns a Response, or data that is sent as 200 JSON. */
type Result = Response | Record<string, unknown> | unknown[];

/** Before anything is looked up or parsed: a credential in the URL is refused, whatever else holds. */
export function refuseCredentialInQuery(req: Request): void {
  if (hasCredentialInQuery(req.url)) throw new AppError("KEY_IN_QUERY");
}

async function buildArgs<B, Q>(req: Request, segment: Segment | undefined, config: RouteConfig<B, Q>) {
  const url = new URL(req.url);
  refuseCredentialInQuery(req);
  const clientIp = clientIpFromHeaders(req.headers);
  const query = config.query ? parseQuery(config.query, url) : (undefined as Q);
  const body = config.body
    ? parseWith(config.body, await readJsonBody(req, config.maxBodyBytes))
    : (undefined as B);
  const params = segment ? await segment.params : {};
  return { req, url, body, query, params, clientIp };
}

function toResponse(result: Result): Response {
  return result instanceof Response ? result : jsonResponse(result);
}

export function handleError(error: unknown, req: Request): Response {
  if (error instanceof AppError) return errorResponse(error);
  // An outage is not our bug: 503 tells the caller to retry, and the log says which failure it was.
  if (isDatabaseUnavailable(error)) {
    countPoolError();
    log.warn("database unavailable", { path: new URL(req.url).pathname, code: databaseErrorCode(error) });
    return errorResponse(
      new AppError("SERVICE_UNAVAILABLE", "The database is not reachable; try again shortly.", undefined, {
        "Retry-After": "1",
      }),
    );
  }
  // The path, not the URL: a query string could carry something secret despite the refusal above.
  log.error("unhandled error in route", {
    method: req.method,
    path: new URL(req.url).pathname,
    ...describeError(error),
  });
  return errorResponse(new AppError("INTERNAL_ERROR"));
}

/** Routes open to anyone (login, register, health); input parsing and the error envelope still apply. */
export function publicRoute<B = undefined, Q = undefined>(
  config: RouteConfig<B, Q>,
  handler: (args: PublicArgs<B, Q>) => Promise<Result> | Result,
) {
  return async (req: Request, segment?: Segment): Promise<Response> => {
    try {
      return toResponse(await handler(await buildArgs(req, segment, config)));
    } catch (error) {
      return handleError(error, req);
    }
  };
}

/** Management REST: an access token is required, and the tenant comes from it alone. */
export function managementRoute<B = undefined, Q = undefined>(
  config: RouteConfig<B, Q>,
  handler: (args: ManagementArgs<B, Q>) => Promise<Result> | Result,
) {
  return async (req: Request, segment?: Segment): Promise<Response> => {
    try {
      refuseCredentialInQuery(req);
      const clientIp = clientIpFromHeaders(req.headers);
      const ctx = await authenticateManagement(req, clientIp);
      return toResponse(await handler({ ...(await buildArgs(req, segment, config)), ctx }));
    } catch (error) {
      return handleError(error, req);
    }
  };
}
