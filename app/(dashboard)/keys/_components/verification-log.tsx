"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fetchJson, queryString } from "@/components/dashboard/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { outcomeLabel } from "@/components/usage/outcome-colors";
import type { VerificationLogPage } from "@/lib/schemas/verification-log";
import { VerificationLogTable } from "./verification-log-table";

type Filters = { outcome: string; address: string };
const NO_FILTERS: Filters = { outcome: "", address: "" };
const PAGE_SIZE = 20;
const SKELETON_ROWS = ["a", "b", "c", "d"];

/**
 * "Recent verifications" on the key page: the first page comes from the server; filters and "Load
 * more" GET /api/dashboard/keys/{id}/verifications (the browser session). A filter is applied on
 * submit, so typing an address does not fire a request per keystroke.
 */
export function VerificationLog({
  keyId,
  initial,
  outcomes,
}: {
  keyId: string;
  initial: VerificationLogPage;
  outcomes: readonly string[];
}) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const base = `/api/dashboard/keys/${keyId}/verifications`;
  const unfiltered = !filters.outcome && !filters.address;
  const query = useInfiniteQuery({
    queryKey: ["verification-log", keyId, filters],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<VerificationLogPage>(
        `${base}${queryString({ ...filters, cursor: pageParam, limit: PAGE_SIZE })}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: unfiltered ? { pages: [initial], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
    staleTime: unfiltered ? 30_000 : 0,
  });
  const entries = query.data?.pages.flatMap((page) => page.data) ?? [];
  const sampled = query.data?.pages.some((page) => page.sampled) ?? false;
  const csvHref = `${base}${queryString({ ...filters, format: "csv" })}`;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ outcome: draft.outcome, address: draft.address.trim() });
  };

  return (
    <div className="space-y-4">
      <form onSubmit={apply} className="flex flex-wrap items-end gap-3" aria-label="Filter verifications">
        <label className="flex w-full min-w-0 flex-col gap-1 text-xs font-medium text-ink-muted sm:w-auto">
          Outcome
          <select
            aria-label="Outcome"
            value={draft.outcome}
            onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
            className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-ink"
          >
            <option value="">All outcomes</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcomeLabel(outcome)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex w-full min-w-0 flex-col gap-1 text-xs font-medium text-ink-muted sm:w-auto sm:flex-1">
          Address
          <input
            value={draft.address}
            onChange={(e) => setDraft({ ...draft, address: e.target.value })}
            placeholder="e.g. 203.0.113.7"
            className="w-full min-w-0 rounded-lg border border-slate-300 px-2 py-1.5 font-mono text-sm text-ink sm:max-w-56"
          />
        </label>
        <Button type="submit" variant="secondary" size="md">
          Filter
        </Button>
        <a
          href={csvHref}
          download
          className="ml-auto inline-flex items-center rounded-lg px-2 py-2 text-sm font-medium text-brand-700 hover:underline"
        >
          Download CSV
        </a>
      </form>
      {sampled ? (
        <Alert tone="info">
          Sampled: this key was verified faster than the log keeps in full, so some entries stand for several
          verifications (the × figure). The usage chart counts every one.
        </Alert>
      ) : null}
      {query.isError ? <Alert tone="error">{(query.error as Error).message}</Alert> : null}
      {query.isPending ? (
        <div className="space-y-2" aria-busy="true">
          <span className="sr-only">Loading verifications…</span>
          {SKELETON_ROWS.map((row) => (
            <Skeleton key={row} className="h-8 w-full" />
          ))}
        </div>
      ) : entries.length === 0 && !query.isError ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-ink-muted">
          {unfiltered
            ? "No verifications logged for this key yet. Calls to /api/v1/whoami or /api/v1/verify appear here within a few seconds."
            : "No verifications match these filters."}
        </p>
      ) : (
        <div className={query.isFetching && !query.isFetchingNextPage ? "opacity-60" : ""}>
          <VerificationLogTable entries={entries} />
        </div>
      )}
      <div className="flex items-center justify-between text-sm text-ink-muted">
        <span>
          {entries.length} {entries.length === 1 ? "entry" : "entries"} shown
        </span>
        {query.hasNextPage ? (
          <Button
            variant="secondary"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
