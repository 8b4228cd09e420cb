import "server-only";

/**
 * Telling "the database is away" apart from "this query is wrong", so that an outage answers 503
 * SERVICE_UNAVAILABLE (retry later) instead of 500 (our bug), and is counted for /api/metrics.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = "KEYDESK_DATABASE_UNAVAILABLE";

  constructor(reason: string) {
    super(`database unavailable: ${reason}`);
    this.name = "DatabaseUnavailableError";
  }
}

/** Socket-level failures (Node), postgres.js's own connection codes, and SQLSTATEs that mean "not now". */
const UNAVAILABLE_CODES = new Set([
  "KEYDESK_DATABASE_UNAVAILABLE",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, in recovery)
  "53300", // too_many_connections
]);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** drizzle wraps the driver's error in `cause`; SQLSTATE class 08 is "connection exception". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = codeOf(current);
    if (code && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return false;
}

/** The code worth logging (never the message: drizzle's carries the query's parameters). */
export function databaseErrorCode(error: unknown): string {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = codeOf(current);
    if (code) return code;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return error instanceof Error ? error.name : "unknown";
}

/**
 * Bounds a database call: a query stuck on a silent connection (a network partition) would
 * otherwise hold its caller until TCP gives up, minutes later. The query itself is not cancelled
 * (that would need the same unreachable server); its late result is ignored.
 */
export function withDatabaseTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
