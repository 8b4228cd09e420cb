import { sql } from "drizzle-orm";
import { databaseErrorCode, withDatabaseTimeout } from "@/db/availability";
import { countPoolError, databaseDriver, getDb } from "@/db/client";
import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { isShuttingDown } from "@/lib/server/shutdown-state";

export const dynamic = "force-dynamic";

function notReady(message: string): AppError {
  return new AppError("SERVICE_UNAVAILABLE", message, undefined, { "Cache-Control": "no-store" });
}

/**
 * Readiness: the database answers within DATABASE_TIMEOUT_MS, and the process is not shutting
 * down. A load balancer stops sending on 503; liveness (/api/health) stays 200 meanwhile, so the
 * instance is not restarted for an outage it cannot fix. Failures are logged by code only.
 */
export const GET = publicRoute({}, async () => {
  if (isShuttingDown()) throw notReady("The server is shutting down.");
  try {
    const db = await getDb();
    await withDatabaseTimeout(db.execute(sql`select 1`), getEnv().databaseTimeoutMs);
  } catch (error) {
    countPoolError();
    log.warn("readiness check failed", { code: databaseErrorCode(error) });
    throw notReady("The database is not reachable.");
  }
  return jsonResponse(
    { status: "ready", database: await databaseDriver() },
    { headers: { "Cache-Control": "no-store" } },
  );
});
