import { formatLogTime } from "@/components/keys/format";
import { outcomeColor, outcomeLabel } from "@/components/usage/outcome-colors";
import type { VerificationLogEntryDto } from "@/lib/schemas/verification-log";

function detail(entry: VerificationLogEntryDto): string {
  if (entry.path === "whoami") return entry.userAgent ?? "—";
  return entry.scopes.length > 0 ? `requires ${entry.scopes.join(", ")}` : "—";
}

/** The log's rows; the table scrolls in its own box on a narrow screen. */
export function VerificationLogTable({ entries }: { entries: VerificationLogEntryDto[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th className="px-2.5 py-2 font-medium">Time (UTC)</th>
            <th className="px-2.5 py-2 font-medium">Outcome</th>
            <th className="px-2.5 py-2 font-medium">Address</th>
            <th className="px-2.5 py-2 font-medium">Route</th>
            <th className="px-2.5 py-2 font-medium">Client or scope</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="whitespace-nowrap px-2.5 py-2 text-ink-muted" title={entry.at}>
                {formatLogTime(entry.at)}
              </td>
              <td className="whitespace-nowrap px-2.5 py-2">
                <span className="inline-flex items-center gap-1.5">
                  <span
                    className="h-2 w-2 rounded-full"
                    style={{ backgroundColor: outcomeColor(entry.outcome) }}
                    aria-hidden="true"
                  />
                  {outcomeLabel(entry.outcome)}
                  {entry.weight > 1 ? (
                    <span className="text-xs text-ink-faint" title="A sampled entry">
                      ×{entry.weight}
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="whitespace-nowrap px-2.5 py-2 font-mono text-xs">{entry.address}</td>
              <td className="whitespace-nowrap px-2.5 py-2 font-mono text-xs">/{entry.path}</td>
              <td className="max-w-48 truncate px-2.5 py-2 text-ink-muted" title={detail(entry)}>
                {detail(entry)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
