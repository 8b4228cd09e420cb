import Link from "next/link";
import { outcomeColor, outcomeLabel } from "@/components/usage/outcome-colors";
import type { TopKey } from "@/lib/schemas/usage";

const CARD = "rounded-card border border-slate-200 bg-white p-5 shadow-card";

/** The busiest keys, each with a bar relative to the busiest. */
export function TopKeys({ keys }: { keys: TopKey[] }) {
  const most = keys[0]?.total || 1;
  return (
    <section className={CARD}>
      <h2 className="mb-3 text-base font-semibold text-ink">Top keys</h2>
      {keys.length === 0 ? (
        <p className="text-sm text-ink-muted">No key was used in this range.</p>
      ) : (
        <ul className="space-y-3">
          {keys.map((key) => (
            <li key={key.keyId}>
              <div className="flex items-center justify-between gap-3 text-sm">
                <Link
                  href={`/keys/${key.keyId}`}
                  className="min-w-0 truncate font-medium text-ink hover:text-brand-700"
                >
                  {key.name}
                </Link>
                <span className="shrink-0 tabular-nums text-ink-muted">
                  {key.total.toLocaleString("en")}{" "}
                  {key.failed > 0 ? <span className="text-danger">· {key.failed} failed</span> : null}
                </span>
              </div>
              <progress
                value={key.total}
                max={most}
                aria-label={`${key.name}: ${key.total} verifications`}
                className="mt-1 block h-1.5 w-full appearance-none overflow-hidden rounded-full bg-slate-100 [&::-moz-progress-bar]:bg-brand-500 [&::-webkit-progress-bar]:bg-slate-100 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-brand-500"
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Refusals by code, most frequent first. */
export function FailureList({ totals }: { totals: Record<string, number> }) {
  const failures = Object.entries(totals)
    .filter(([code]) => code !== "VALID")
    .sort((a, b) => b[1] - a[1]);
  return (
    <section className={CARD}>
      <h2 className="mb-3 text-base font-semibold text-ink">Failed attempts by reason</h2>
      {failures.length === 0 ? (
        <p className="text-sm text-ink-muted">No failed verifications in this range.</p>
      ) : (
        <ul className="space-y-2">
          {failures.map(([code, count]) => (
            <li key={code} className="flex flex-wrap items-center gap-x-3 text-sm">
              <svg viewBox="0 0 10 10" className="h-2.5 w-2.5 shrink-0" aria-hidden="true">
                <circle cx="5" cy="5" r="5" fill={outcomeColor(code)} />
              </svg>
              <span className="min-w-0 flex-1 text-ink">{outcomeLabel(code)}</span>
              <code className="hidden font-mono text-xs break-all text-ink-faint sm:inline">{code}</code>
              <span className="w-14 text-right tabular-nums text-ink-muted">
                {count.toLocaleString("en")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
