import "server-only";
import type { Transaction } from "@/db/client";
import { verificationLog } from "@/db/schema";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";

/** Long enough to tell clients apart, short enough that a hostile header cannot bloat the table. */
export const USER_AGENT_MAX = 256;
/** 1000 rows × 9 columns stays well under PostgreSQL's 65 535 parameters per statement. */
const ROWS_PER_INSERT = 1000;

function toRow(entry: LogEntry) {
  return {
    tenantId: entry.tenantId,
    keyId: entry.keyId,
    at: new Date(entry.at),
    outcome: entry.outcome,
    ip: entry.ip,
    path: entry.route,
    userAgent: entry.userAgent === null ? null : entry.userAgent.slice(0, USER_AGENT_MAX),
    scopes: entry.scopes && entry.scopes.length > 0 ? entry.scopes.join(" ") : null,
    weight: entry.weight,
  };
}

/** Inside the usage batch's transaction (lib/dal/usage-writes.ts): a retried batch is not logged twice. */
export async function writeLogEntries(tx: Transaction, entries: readonly LogEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    await tx.insert(verificationLog).values(entries.slice(i, i + ROWS_PER_INSERT).map(toRow));
  }
}
