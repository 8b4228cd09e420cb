import { toCsv } from "@/lib/csv/to-csv";
import type { VerificationLogEntryDto } from "@/lib/schemas/verification-log";

export const LOG_CSV_HEADER = ["time", "outcome", "address", "path", "user_agent", "scopes", "weight"];

/** A key's log as CSV, one line per entry, newest first (weight > 1: a sampled entry). */
export function verificationLogCsv(entries: readonly VerificationLogEntryDto[]): string {
  return toCsv(
    LOG_CSV_HEADER,
    entries.map((e) => [e.at, e.outcome, e.address, e.path, e.userAgent, e.scopes.join(" "), e.weight]),
  );
}
