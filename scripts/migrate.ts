import "@/lib/server/allow-server-only";
import { closeDb, databaseDriver } from "@/db/client";
import { EnvError, getEnv } from "@/lib/env";

/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded database. */
async function main() {
  try {
    const env = getEnv();
    const driver = await databaseDriver();
    console.info(`Migrations applied (${driver}${driver === "pglite" ? `, ${env.dataDir}` : ""}).`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
