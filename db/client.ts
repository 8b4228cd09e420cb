import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

type Unlisten = () => Promise<void>;
type Handle = {
  db: Database;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
  /** `onSubscribed` runs on every (re)subscription: messages sent while disconnected are lost. */
  listen: (
    channel: string,
    onMessage: (payload: string) => void,
    onSubscribed?: () => void,
  ) => Promise<Unlisten>;
};

/**
 * Counted for /api/metrics. Plain numbers on globalThis: the custom server and Next's bundles are
 * separate module instances in one process (see `handle()` below).
 */
export type DatabaseStats = { poolErrors: number; listenReconnects: number };
const STATS_KEY = Symbol.for("keydesk.db.stats");
type StatsHolder = { [STATS_KEY]?: DatabaseStats };

export function databaseStats(): DatabaseStats {
  const holder = globalThis as StatsHolder;
  holder[STATS_KEY] ??= { poolErrors: 0, listenReconnects: 0 };
  return holder[STATS_KEY];
}

/** Called where a database failure is caught and answered (503), so each one is counted once. */
export function countPoolError(): void {
  databaseStats().poolErrors++;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
/** Arbitrary constant: serializes migrations when several instances start at once. */
const MIGRATION_LOCK_ID = 4_207_311;

async function openPostgres(url: string, timeoutMs: number): Promise<Handle> {
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    // postgres.js waits 30 s by default; an outage should be reported (503) well before a client gives up.
    connect_timeout: timeoutMs / 1000,
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  try {
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
  return {
    db,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
    // postgres.js keeps one dedicated connection for LISTEN and re-subscribes after reconnects.
    listen: async (channel, onMessage, onSubscribed) => {
      let subscriptions = 0;
      const { unlisten } = await client.listen(channel, onMessage, () => {
        if (subscriptions++ > 0) databaseStats().listenReconnects++;
        onSubscribed?.();
      });
      return unlisten;
    },
  };
}

async function openPglite(dataDir: string): Promise<Handle> {
  const location = dataDir === "memory://" ? "memory://" : path.resolve(dataDir, "pglite");
  const client = await PGlite.create(location);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    driver: "pglite",
    close: () => client.close(),
    listen: async (channel, onMessage, onSubscribed) => {
      const unlisten = await client.listen(channel, onMessage);
      onSubscribed?.();
      return unlisten;
    },
  };
}

/**
 * One connection (pool) per process. The custom server and Next's bundles are separate module
 * instances in one process, so the handle lives on globalThis: PGlite must never be opened twice
 * on the same directory.
 */
const HANDLE_KEY = Symbol.for("keydesk.db");
type HandleHolder = { [HANDLE_KEY]?: Promise<Handle> };

function handle(): Promise<Handle> {
  const holder = globalThis as HandleHolder;
  if (!holder[HANDLE_KEY]) {
    const env = getEnv();
    const opening = env.databaseUrl
      ? openPostgres(env.databaseUrl, env.databaseTimeoutMs)
      : openPglite(env.dataDir);
    holder[HANDLE_KEY] = opening;
    opening.catch(() => {
      if (holder[HANDLE_KEY] === opening) delete holder[HANDLE_KEY];
    });
  }
  return holder[HANDLE_KEY];
}

/** The database, connected and migrated. */
export async function getDb(): Promise<Database> {
  return (await handle()).db;
}

export async function databaseDriver(): Promise<Handle["driver"]> {
  return (await handle()).driver;
}

/** LISTEN on a channel; NOTIFYs from any instance sharing the database arrive once committed. */
export async function listen(
  channel: string,
  onMessage: (payload: string) => void,
  onSubscribed?: () => void,
): Promise<Unlisten> {
  return (await handle()).listen(channel, onMessage, onSubscribed);
}

export async function closeDb(): Promise<void> {
  const holder = globalThis as HandleHolder;
  const current = holder[HANDLE_KEY];
  delete holder[HANDLE_KEY];
  if (current) await (await current).close();
}
