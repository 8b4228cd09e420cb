"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/dashboard/fetch-json";
import { Tabs } from "@/components/ui/tabs";
import type { UsageRange, UsageView } from "@/lib/schemas/usage";
import { FailureList, TopKeys } from "./usage-lists";
import { UsagePanel } from "./usage-panel";

const RANGES: { id: UsageRange; label: string; words: string }[] = [
  { id: "1h", label: "1h", words: "the last hour" },
  { id: "24h", label: "24h", words: "the last 24 hours" },
  { id: "7d", label: "7d", words: "the last 7 days" },
  { id: "30d", label: "30d", words: "the last 30 days" },
];

export const rangeWords = (range: UsageRange) => RANGES.find((r) => r.id === range)?.words ?? range;

/**
 * Live usage, polled every 5 s from GET /api/dashboard/usage (a read, so it never queues behind a
 * server action). While another range loads, the previous figures stay on screen, dimmed and
 * labelled with the range they really cover, never passed off as the new one.
 */
export function UsageDashboard({ initial }: { initial: UsageView }) {
  const [range, setRange] = useState<UsageRange>(initial.range);
  const query = useQuery({
    queryKey: ["usage", range],
    queryFn: ({ signal }) => fetchJson<UsageView>(`/api/dashboard/usage?range=${range}`, signal),
    initialData: range === initial.range ? initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const data = query.data ?? initial;
  const loading = data.range !== range;
  const status = query.isError
    ? "Could not refresh — retrying"
    : loading
      ? `Loading ${rangeWords(range)}…`
      : query.isFetching
        ? "Refreshing…"
        : "Live · refreshes every 5 s";

  return (
    <div className="space-y-6">
      <Tabs
        label="Time range"
        tabs={RANGES}
        value={range}
        onChange={setRange}
        variant="segmented"
        panelClassName="space-y-6"
        aside={
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <p className="flex items-center gap-2 text-xs text-ink-muted" aria-live="polite">
              {loading || query.isFetching ? (
                <span className="h-2 w-2 animate-pulse rounded-full bg-brand-500" aria-hidden="true" />
              ) : null}
              {status}
            </p>
            {/* The range chosen above, as the same counts per bucket and outcome (a download). */}
            <a
              href={`/api/dashboard/usage?range=${range}&format=csv`}
              download
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Export CSV
            </a>
          </div>
        }
      >
        <div aria-busy={loading} className={`space-y-6 transition-opacity ${loading ? "opacity-50" : ""}`}>
          <UsagePanel data={data} caption={`Showing ${rangeWords(data.range)}`} />
          <div className="grid gap-6 lg:grid-cols-2">
            <TopKeys keys={data.topKeys} />
            <FailureList totals={data.totals} />
          </div>
        </div>
      </Tabs>
    </div>
  );
}
