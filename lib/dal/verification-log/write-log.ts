import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { verificationLog } from "@/db/schema";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";
import { jsonChunks } from "../json-rows";

/** Long enough to tell clients apart, short enough that a hostile header cannot bloat the table. */
export const USER_AGENT_MAX = 256;

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
 * twice. The rows travel as JSON arrays expanded by `json_to_recordset` (lib/dal/json-rows.ts).
 */
export async function writeLogEntries(tx: Transaction, entries: readonly LogEntry[]): Promise<void> {
  for (const rows of jsonChunks(entries, toRow)) {
    await tx.execute(sql`
      insert into ${verificationLog} (tenant_id, key_id, at, outcome, ip, path, user_agent, scopes, weight)
      select tenant_id, key_id, at, outcome, ip, path, user_agent, scopes, weight
      from json_to_recordset(${rows}::json) as r (tenant_id text, key_id text, at timestamptz,
        outcome text, ip text, path text, user_agent text, scopes text, weight integer)`);
  }
}
