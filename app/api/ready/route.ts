import { sql } from "drizzle-orm";
import { databaseDriver, getDb } from "@/db/client";
import { AppError } from "@/lib/api/app-error";
import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { describeError, log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Readiness: the database answers. Details of a failure go to the log, not to the caller. */
export const GET = publicRoute({}, async () => {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return jsonResponse(
      { status: "ready", database: await databaseDriver() },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    log.error("readiness check failed", describeError(error));
    throw new AppError("SERVICE_UNAVAILABLE", "The database is not reachable.");
  }
});
