import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { verificationLog } from "@/db/schema";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";

/** Long enough to tell clients apart, short enough that a hostile header cannot bloat the table. */
export const USER_AGENT_MAX = 256;
/** Rows per statement: each is one JSON parameter, built in one `JSON.stringify`. */
const ROWS_PER_INSERT = 2000;

function toRow(entry: LogEntry) {
  return {
    tenant_id: entry.tenantId,
    key_id: entry.keyId,
    at: new Date(entry.at).toISOString(),
    outcome: entry.outcome,
    ip: entry.ip,
    path: entry.route,
    user_agent: entry.userAgent === null ? null : entry.userAgent.slice(0, USER_AGENT_MAX),
    scopes: entry.scopes && entry.scopes.length > 0 ? entry.scopes.join(" ") : null,
    weight: entry.weight,
  };
}

/**
 * Inside the usage batch's transaction (lib/dal/usage-writes.ts): a retried batch is not logged
 * twice. The rows travel as one JSON array expanded by `json_to_recordset`: drizzle's builder spent
 * ~10 ms of the event loop on a few hundred rows × 9 parameters, in one piece, which every
 * verification in flight then waited for (the bench's p99, issue 10).
 */
export async function writeLogEntries(tx: Transaction, entries: readonly LogEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const rows = JSON.stringify(entries.slice(i, i + ROWS_PER_INSERT).map(toRow));
    await tx.execute(sql`
      insert into ${verificationLog} (tenant_id, key_id, at, outcome, ip, path, user_agent, scopes, weight)
      select tenant_id, key_id, at, outcome, ip, path, user_agent, scopes, weight
      from json_to_recordset(${rows}::json) as r (tenant_id text, key_id text, at timestamptz,
        outcome text, ip text, path text, user_agent text, scopes text, weight integer)`);
  }
}
