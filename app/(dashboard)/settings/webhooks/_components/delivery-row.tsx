"use client";

import { useState, useTransition } from "react";
import { formatDateTime } from "@/components/keys/format";
import { Button } from "@/components/ui/button";
import type { WebhookDeliveryDto } from "@/lib/schemas/webhooks";
import { retryDeliveryAction } from "../actions";

const BADGE = "rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap";

/** "Retrying" is a pending delivery whose last attempt failed: the worker will try again by itself. */
function StatusBadge({ delivery }: { delivery: WebhookDeliveryDto }) {
  if (delivery.status === "succeeded")
    return <span className={`${BADGE} bg-ok-soft text-emerald-800`}>Succeeded</span>;
  if (delivery.status === "failed")
    return <span className={`${BADGE} bg-danger-soft text-red-800`}>Failed</span>;
  return delivery.attempts > 0 ? (
    <span className={`${BADGE} bg-warn-soft text-amber-900`}>Retrying</span>
  ) : (
    <span className={`${BADGE} bg-slate-100 text-ink-muted`}>Pending</span>
  );
}

/** A failed delivery, or a pending one that has failed at least once, can be sent again now. */
const retryable = (delivery: WebhookDeliveryDto) =>
  delivery.status === "failed" || (delivery.status === "pending" && delivery.attempts > 0);

export function DeliveryRow({
  delivery,
  readOnly,
  onRetried,
}: {
  delivery: WebhookDeliveryDto;
  readOnly: boolean;
  onRetried: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(async () => {
      const result = await retryDeliveryAction(delivery.id, undefined).catch(() => null);
      if (result && !result.ok && result.code === "UNAUTHORIZED") window.location.assign("/login");
      setError(
        result?.ok ? null : (result?.message ?? "Something went wrong; the delivery was not retried."),
      );
      await onRetried();
    });
  const answer = delivery.responseExcerpt ?? delivery.error;
  return (
    <li data-testid="delivery-row" data-status={delivery.status} className="space-y-2 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <code className="font-mono font-medium text-ink">{delivery.eventType}</code>
          <StatusBadge delivery={delivery} />
          {delivery.lastStatusCode !== null ? (
            <span
              data-testid="status-code"
              className={`font-mono text-xs font-semibold ${delivery.lastStatusCode < 300 ? "text-emerald-700" : "text-red-700"}`}
            >
              {delivery.lastStatusCode}
            </span>
          ) : null}
        </div>
        {readOnly || !retryable(delivery) ? null : (
          <Button variant="secondary" size="sm" onClick={retry} disabled={pending}>
            {pending ? "Retrying…" : "Retry"}
          </Button>
        )}
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-ink-muted">
        <span className="font-mono break-all">{delivery.eventId}</span>
        <span>Attempt {delivery.attempts}</span>
        {delivery.durationMs !== null ? <span>{delivery.durationMs} ms</span> : null}
        <span>{formatDateTime(delivery.lastAttemptAt ?? delivery.createdAt)}</span>
        {delivery.status === "pending" && delivery.nextAttemptAt ? (
          <span>next try {formatDateTime(delivery.nextAttemptAt)}</span>
        ) : null}
      </p>
      {answer ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-ink-muted hover:text-ink">
            {delivery.responseExcerpt !== null ? "Response (first 1 KiB)" : "Error"}
          </summary>
          <pre className="mt-1 max-h-40 overflow-auto rounded-lg bg-slate-50 p-2 font-mono break-all whitespace-pre-wrap text-ink">
            {answer}
          </pre>
        </details>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </li>
  );
}
