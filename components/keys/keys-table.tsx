import Link from "next/link";
import type { ApiKeyDto } from "@/lib/dal/api-keys/dto";
import { displayStatus, EnvironmentBadge, relativeTime, StatusBadge, TypeLabel } from "./badges";

function Scopes({ scopes }: { scopes: string[] }) {
  if (scopes.length === 0) return <span className="text-xs text-ink-faint">None</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {scopes.slice(0, 2).map((scope) => (
        <span key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-ink-muted">
          {scope}
        </span>
      ))}
      {scopes.length > 2 ? <span className="text-xs text-ink-faint">+{scopes.length - 2} more</span> : null}
    </div>
  );
}

export function KeysTable({ keys }: { keys: ApiKeyDto[] }) {
  const now = Date.now();
  return (
    <div className="overflow-x-auto rounded-card border border-slate-200 bg-white shadow-card">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-100 bg-slate-50 text-xs text-ink-muted uppercase">
          <tr>
            <th className="px-4 py-3 font-medium">Name</th>
            <th className="px-4 py-3 font-medium">Key</th>
            <th className="px-4 py-3 font-medium">Scopes</th>
            <th className="px-4 py-3 font-medium">Status</th>
            <th className="px-4 py-3 font-medium">Last used</th>
            <th className="px-4 py-3 font-medium">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <div className="flex items-center gap-2">
                  <EnvironmentBadge environment={key.environment} />
                  <Link href={`/keys/${key.id}`} className="font-medium text-ink hover:text-brand-700">
                    {key.name}
                  </Link>
                </div>
                <TypeLabel type={key.type} />
              </td>
              <td className="px-4 py-3 font-mono text-xs text-ink-muted">
                {key.prefix ?? (key.fingerprint ? `${key.fingerprint.slice(0, 12)}…` : "—")}
              </td>
              <td className="px-4 py-3">
                <Scopes scopes={key.scopes} />
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={displayStatus(key, now)} />
                {key.revokedReason ? (
                  <p className="mt-1 text-xs text-ink-faint">{key.revokedReason}</p>
                ) : null}
              </td>
              <td className="px-4 py-3 text-ink-muted">
                {relativeTime(key.lastUsedAt, now)}
                {key.lastUsedIp ? <p className="font-mono text-xs text-ink-faint">{key.lastUsedIp}</p> : null}
              </td>
              <td className="px-4 py-3 text-ink-muted">{new Date(key.createdAt).toLocaleDateString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
