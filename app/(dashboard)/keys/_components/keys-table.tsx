import Link from "next/link";
import { formatDate, formatDateTime, relativeTime } from "@/components/keys/format";
import type { KeyRowData } from "@/components/keys/key-row";
import { displayStatus, EnvironmentBadge, keyHandle, StatusBadge, TypeLabel } from "./badges";
import { CreditsBadge } from "./credits-badge";

const SHOWN_SCOPES = 2;

function Scopes({ scopes }: { scopes: string[] }) {
  if (scopes.length === 0) return <span className="text-xs text-ink-faint">None</span>;
  const hidden = scopes.slice(SHOWN_SCOPES);
  return (
    <div className="flex max-w-56 flex-wrap gap-1">
      {scopes.slice(0, SHOWN_SCOPES).map((scope) => (
        <span key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-ink-muted">
          {scope}
        </span>
      ))}
      {hidden.length > 0 ? (
        <span className="px-1 text-xs text-ink-faint" title={hidden.join(", ")}>
          +{hidden.length} more
        </span>
      ) : null}
    </div>
  );
}

function StatusCell({ row, now }: { row: KeyRowData; now: number }) {
  const status = displayStatus(row, now);
  return (
    <>
      <StatusBadge status={status} />
      {status === "revoked" && row.revokedReason ? (
        <p className="mt-1 max-w-40 truncate text-xs text-ink-faint" title={row.revokedReason}>
          {row.revokedReason}
        </p>
      ) : null}
      {status === "expiring" && row.expiresAt ? (
        <p className="mt-1 text-xs text-amber-800" title={formatDateTime(row.expiresAt)}>
          expires {relativeTime(row.expiresAt, now)}
        </p>
      ) : null}
    </>
  );
}

/** Pure markup, rendered on the server for the first page and in the browser for the pages after. */
export function KeysTable({ rows, now }: { rows: KeyRowData[]; now: number }) {
  return (
    <div className="overflow-x-auto rounded-card border border-slate-200 bg-white shadow-card">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-ink-muted uppercase">
          <tr>
            {["Name", "Key", "Scopes", "Status", "Credits", "Last used", "Created"].map((heading) => (
              <th key={heading} scope="col" className="px-4 py-3 font-medium tracking-wide whitespace-nowrap">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-slate-50">
              <td className="px-4 py-3">
                <div className="flex items-start gap-2">
                  <EnvironmentBadge environment={row.environment} />
                  <Link
                    href={`/keys/${row.id}`}
                    className="min-w-32 max-w-64 font-medium [overflow-wrap:anywhere] text-ink hover:text-brand-700 hover:underline"
                  >
                    {row.name}
                  </Link>
                </div>
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {/* The type and what identifies the key, in one column. */}
                <TypeLabel type={row.type} />
                <p
                  className="font-mono text-xs text-ink-faint"
                  title={row.fingerprint ? `JWK thumbprint ${row.fingerprint}` : undefined}
                >
                  {keyHandle(row)}
                </p>
              </td>
              <td className="px-4 py-3">
                <Scopes scopes={row.scopes} />
              </td>
              <td className="px-4 py-3">
                <StatusCell row={row} now={now} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <CreditsBadge credits={row.credits} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-ink-muted">
                {row.lastUsedAt ? (
                  <time dateTime={row.lastUsedAt} title={formatDateTime(row.lastUsedAt)}>
                    {relativeTime(row.lastUsedAt, now)}
                  </time>
                ) : (
                  <span className="text-ink-faint">Never</span>
                )}
                {row.lastUsedIp ? <p className="font-mono text-xs text-ink-faint">{row.lastUsedIp}</p> : null}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-ink-muted">
                <time dateTime={row.createdAt} title={formatDateTime(row.createdAt)}>
                  {formatDate(row.createdAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
