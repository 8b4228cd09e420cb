"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson, queryString } from "@/components/dashboard/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs } from "@/components/ui/tabs";
import type { WebhookDeliveryPage } from "@/lib/schemas/webhooks";
import { DeliveryRow } from "./delivery-row";

type Filter = "all" | "succeeded" | "failed" | "pending";
const FILTERS = [
  { id: "all", label: "All" },
  { id: "succeeded", label: "Succeeded" },
  { id: "failed", label: "Failed" },
  { id: "pending", label: "Pending" },
] as const;

export const deliveriesKey = (endpointId: string) => ["webhook-deliveries", endpointId];

const EMPTY: Record<Filter, string> = {
  all: "No deliveries yet — send a test event.",
  succeeded: "No delivery has succeeded yet.",
  failed: "No delivery has failed for good. Deliveries being retried are under Pending.",
  pending: "Nothing is waiting to be sent.",
};

/**
 * The endpoint's deliveries, newest first, polled every few seconds so a test event's outcome shows
 * up by itself. The server renders the first unfiltered page (`pageSize` rows); other filters and
 * pages are fetched.
 */
export function DeliveryLog({
  endpointId,
  initial,
  pageSize,
  readOnly,
}: {
  endpointId: string;
  initial: WebhookDeliveryPage;
  pageSize: number;
  readOnly: boolean;
}) {
  const queries = useQueryClient();
  const [filter, setFilter] = useState<Filter>("all");
  const query = useInfiniteQuery({
    queryKey: [...deliveriesKey(endpointId), filter],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<WebhookDeliveryPage>(
        `/api/dashboard/webhooks/${encodeURIComponent(endpointId)}/deliveries${queryString({
          status: filter === "all" ? undefined : filter,
          cursor: pageParam,
          limit: pageSize,
        })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: filter === "all" ? { pages: [initial], pageParams: [undefined] } : undefined,
    refetchInterval: 3_000,
  });
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  const refresh = () => queries.invalidateQueries({ queryKey: deliveriesKey(endpointId) });

  return (
    <Tabs
      label="Delivery status"
      tabs={FILTERS}
      value={filter}
      onChange={setFilter}
      variant="segmented"
      panelClassName="mt-4"
    >
      {query.isPending ? (
        <div role="status" aria-busy="true" aria-label="Loading deliveries" className="space-y-3">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : query.isError && rows.length === 0 ? (
        <Alert tone="error">The delivery log could not be loaded: {query.error.message}</Alert>
      ) : rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-ink-muted">
          {EMPTY[filter]}
        </p>
      ) : (
        <>
          <ul
            className="divide-y divide-slate-100 rounded-lg border border-slate-200"
            aria-label="Deliveries"
          >
            {rows.map((delivery) => (
              <DeliveryRow key={delivery.id} delivery={delivery} readOnly={readOnly} onRetried={refresh} />
            ))}
          </ul>
          {query.hasNextPage ? (
            <div className="mt-4 flex justify-end">
              <Button
                variant="secondary"
                onClick={() => void query.fetchNextPage()}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage ? "Loading…" : "Load older deliveries"}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Tabs>
  );
}
