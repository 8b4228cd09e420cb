import { hasProductionBuild } from "./harness";

/** These suites run the production server; without a build there is nothing to run. */
export default async function setup() {
  if (!hasProductionBuild()) {
    throw new Error("The server suites need a production build: run `npm run build` first.");
  }
  const where = process.env.DATABASE_URL
    ? `PostgreSQL (${new URL(process.env.DATABASE_URL).host})`
    : "embedded PGlite";
  const stores = process.env.REDIS_URL
    ? `Redis (${new URL(process.env.REDIS_URL).host})`
    : "in-process memory";
  process.stdout.write(
    `\n[keydesk server tests] real server.ts processes; database: ${where}; stores: ${stores}\n\n`,
  );
}
