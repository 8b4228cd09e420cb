import Link from "next/link";
import { UsageChart } from "@/components/usage/usage-chart";
import type { UsageView } from "@/lib/schemas/usage";

function Stat({ label, value, tone }: { label: string; value: string; tone?: "ok" | "danger" }) {
  const color = tone === "ok" ? "text-ok" : tone === "danger" ? "text-danger" : "text-ink";
  return (
    <div className="min-w-0 rounded-card border border-slate-200 bg-white px-3 py-3 shadow-card sm:px-5 sm:py-4">
      <p className="text-[11px] leading-tight font-medium tracking-wide text-ink-muted uppercase sm:text-xs">
        {label}
      </p>
      <p className={`mt-1 text-xl font-semibold tabular-nums sm:text-2xl ${color}`}>{value}</p>
    </div>
  );
}

export function totalOf(totals: Record<string, number>): number {
  return Object.values(totals).reduce((sum, n) => sum + n, 0);
}

/** The three figures and the stacked chart, for the range the data really covers. */
export function UsagePanel({ data, caption }: { data: UsageView; caption: string }) {
  const total = totalOf(data.totals);
  const valid = data.totals.VALID ?? 0;
  return (
    <>
      <div className="grid grid-cols-3 gap-2 sm:gap-4">
        <Stat label="Verifications" value={total.toLocaleString("en")} />
        <Stat
          label="Success rate"
          value={total ? `${((valid / total) * 100).toFixed(1)} %` : "—"}
          tone="ok"
        />
        <Stat
          label="Failed attempts"
          value={(total - valid).toLocaleString("en")}
          tone={total - valid > 0 ? "danger" : undefined}
        />
      </div>
      <section className="rounded-card border border-slate-200 bg-white p-4 shadow-card sm:p-5">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-base font-semibold text-ink">Requests by outcome</h2>
          <p className="text-xs text-ink-muted" data-testid="usage-caption">
            {caption}
          </p>
        </div>
        {total === 0 ? (
          <div className="flex h-64 flex-col items-center justify-center text-center">
            <p className="font-medium text-ink">No verifications in this range</p>
            <p className="mt-1 max-w-sm text-sm text-ink-muted">
              Calls to <code className="font-mono">/api/v1/whoami</code> or{" "}
              <code className="font-mono">/api/v1/verify</code> appear here within seconds.{" "}
              <Link href="/onboarding" className="text-brand-700 hover:underline">
                Send your first request
              </Link>
              .
            </p>
          </div>
        ) : (
          <UsageChart series={data.series} interval={data.interval} />
        )}
      </section>
    </>
  );
}
