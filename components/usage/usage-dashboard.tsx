"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usageAction } from "@/app/(dashboard)/usage/actions";
import type { UsageRange, UsageView } from "@/app/(dashboard)/usage/load-usage";
import { outcomeColor, outcomeLabel } from "./outcome-colors";
import { UsageChart } from "./usage-chart";

const RANGES: UsageRange[] = ["1h", "24h", "7d", "30d"];

function Stat({ label, value, tone }: { label: string; value: string; tone?: "ok" | "danger" }) {
  const color = tone === "ok" ? "text-ok" : tone === "danger" ? "text-danger" : "text-ink";
  return (
    <div className="rounded-card border border-slate-200 bg-white px-5 py-4 shadow-card">
      <p className="text-xs font-medium tracking-wide text-ink-muted uppercase">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{value}</p>
    </div>
  );
}

/** Live usage: refetched every 5 s, so a first request shows up without reloading. */
export function UsageDashboard({ initial }: { initial: UsageView }) {
  const [range, setRange] = useState<UsageRange>("24h");
  const {
    data = initial,
    isFetching,
    isError,
  } = useQuery({
    queryKey: ["usage", range],
    queryFn: () => usageAction(range),
    initialData: range === "24h" ? initial : undefined,
    refetchInterval: 5_000,
  });
  const total = Object.values(data.totals).reduce((sum, n) => sum + n, 0);
  const valid = data.totals.VALID ?? 0;
  const failures = Object.entries(data.totals)
    .filter(([code]) => code !== "VALID")
    .sort((a, b) => b[1] - a[1]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div
          role="tablist"
          aria-label="Time range"
          className="inline-flex rounded-lg border border-slate-200 bg-white p-1 shadow-card"
        >
          {RANGES.map((r) => (
            <button
              key={r}
              type="button"
              role="tab"
              aria-selected={r === range}
              onClick={() => setRange(r)}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${r === range ? "bg-brand-600 text-white" : "text-ink-muted hover:text-ink"}`}
            >
              {r}
            </button>
          ))}
        </div>
        <p className="text-xs text-ink-faint" aria-live="polite">
          {isError
            ? "Could not refresh — retrying"
            : isFetching
              ? "Refreshing…"
              : "Live · refreshes every 5 s"}
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Verifications" value={total.toLocaleString()} />
        <Stat
          label="Success rate"
          value={total ? `${((valid / total) * 100).toFixed(1)} %` : "—"}
          tone="ok"
        />
        <Stat
          label="Failed attempts"
          value={(total - valid).toLocaleString()}
          tone={total - valid > 0 ? "danger" : undefined}
        />
      </div>

      <section className="rounded-card border border-slate-200 bg-white p-5 shadow-card">
        <h2 className="mb-4 text-base font-semibold text-ink">Requests by outcome</h2>
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

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-card border border-slate-200 bg-white p-5 shadow-card">
          <h2 className="mb-3 text-base font-semibold text-ink">Top keys</h2>
          {data.topKeys.length === 0 ? (
            <p className="text-sm text-ink-muted">No key was used in this range.</p>
          ) : (
            <ul className="space-y-3">
              {data.topKeys.map((key) => (
                <li key={key.keyId}>
                  <div className="flex items-center justify-between text-sm">
                    <Link href={`/keys/${key.keyId}`} className="font-medium text-ink hover:text-brand-700">
                      {key.name}
                    </Link>
                    <span className="tabular-nums text-ink-muted">
                      {key.total.toLocaleString()}{" "}
                      {key.failed > 0 ? <span className="text-danger">· {key.failed} failed</span> : null}
                    </span>
                  </div>
                  <div className="mt-1 h-1.5 rounded-full bg-slate-100">
                    <div
                      className="h-1.5 rounded-full bg-brand-500"
                      style={{ width: `${(key.total / (data.topKeys[0]?.total || 1)) * 100}%` }}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="rounded-card border border-slate-200 bg-white p-5 shadow-card">
          <h2 className="mb-3 text-base font-semibold text-ink">Failed attempts by reason</h2>
          {failures.length === 0 ? (
            <p className="text-sm text-ink-muted">No failed verifications in this range.</p>
          ) : (
            <ul className="space-y-2">
              {failures.map(([code, count]) => (
                <li key={code} className="flex items-center gap-3 text-sm">
                  <span
                    className="h-2.5 w-2.5 rounded-full"
                    style={{ background: outcomeColor(code) }}
                    aria-hidden="true"
                  />
                  <span className="flex-1 text-ink">{outcomeLabel(code)}</span>
                  <code className="font-mono text-xs text-ink-faint">{code}</code>
                  <span className="w-14 text-right tabular-nums text-ink-muted">
                    {count.toLocaleString()}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
