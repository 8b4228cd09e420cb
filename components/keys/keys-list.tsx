"use client";

import { useState, useTransition } from "react";
import { listKeysAction } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { KeyRowData } from "./key-row";
import { KeysTable } from "./keys-table";

type Filters = { status?: string | undefined; environment?: string | undefined; type?: string | undefined };

/**
 * The first page comes from the server; "Load more" appends the next ones in place. `now` is the
 * server's render time, so relative times agree between the server render and hydration.
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
  const [pending, startTransition] = useTransition();
  const seen = new Set(initial.map((row) => row.id));
  // A key created since the first render shifts the pages by one; never show a row twice.
  const rows = [...initial, ...more.filter((row) => !seen.has(row.id))];

  const loadMore = () =>
    startTransition(async () => {
      const result = await listKeysAction({ ...filters, cursor, limit: pageSize });
      if (!result.ok) return setError(result.message);
      setError(null);
      setMore((current) => [...current, ...result.rows]);
      setCursor(result.nextCursor);
    });

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
          <Button variant="secondary" onClick={loadMore} disabled={pending}>
            {pending ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
    </>
  );
}
