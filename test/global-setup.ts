import postgres from "postgres";

/**
 * Says which backends this run uses, and fails fast (instead of 200 timeouts) when a configured
 * server is not reachable.
 */
export default async function setup() {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
    try {
      await sql`select 1`;
    } catch (error) {
      throw new Error(`DATABASE_URL is set but PostgreSQL is not reachable: ${(error as Error).message}`);
    } finally {
      await sql.end({ timeout: 2 });
    }
  }
  const where = `database: ${databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host})` : "embedded PGlite (in memory)"}`;
  const stores = `stores: ${redisUrl ? `Redis (${new URL(redisUrl).host})` : "in-process memory"}`;
  process.stdout.write(`\n[keydesk tests] ${where}; ${stores}\n\n`);
}
