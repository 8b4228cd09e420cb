"use client";

import { useState } from "react";
import { fetchJson, queryString } from "@/components/dashboard/fetch-json";
import type { KeyRowData } from "@/components/keys/key-row";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Filters } from "./key-filters";
import { KeysTable } from "./keys-table";

type Page = { data: KeyRowData[]; nextCursor: string | null };

/**
 * The first page comes from the server; "Load more" GETs the next ones and appends them in place. `now`
 * is the server's render time, so relative times agree between the server render and hydration.
 */
export function KeysList({
  initial,
  nextCursor,
  filters,
  pageSize,
  now,
}: {
  initial: KeyRowData[];
  nextCursor: string | null;
  filters: Filters;
  pageSize: number;
  now: number;
}) {
  const [more, setMore] = useState<KeyRowData[]>([]);
  const [cursor, setCursor] = useState(nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const seen = new Set(initial.map((row) => row.id));
  // A key created since the first render shifts the pages by one; never show a row twice.
  const rows = [...initial, ...more.filter((row) => !seen.has(row.id))];

  const loadMore = async () => {
    setPending(true);
    try {
      const page = await fetchJson<Page>(
        `/api/dashboard/keys${queryString({ ...filters, cursor, limit: pageSize })}`,
      );
      setError(null);
      setMore((current) => [...current, ...page.data]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <KeysTable rows={rows} now={now} />
      {error ? (
        <div className="mt-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="mt-4 flex items-center justify-between text-sm text-ink-muted">
        <span>
          {rows.length} {rows.length === 1 ? "key" : "keys"} shown
        </span>
        {cursor ? (
          <Button variant="secondary" onClick={() => void loadMore()} disabled={pending}>
            {pending ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
    </>
  );
}
