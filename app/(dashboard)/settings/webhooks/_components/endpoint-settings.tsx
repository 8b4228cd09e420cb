"use client";

import { useState } from "react";
import { formatDateTime } from "@/components/keys/format";
import { Button } from "@/components/ui/button";
import type { WebhookEndpointDto } from "@/lib/schemas/webhooks";
import { EndpointForm } from "./endpoint-form";

/** The endpoint's URL, description and events, with an "Edit" that turns them into the form. */
export function EndpointSettings({
  endpoint,
  readOnly,
}: {
  endpoint: WebhookEndpointDto;
  readOnly: boolean;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EndpointForm endpoint={endpoint} onSaved={() => setEditing(false)} />;
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="text-ink-muted">URL</dt>
        <dd className="min-w-0 font-mono break-all text-ink">{endpoint.url}</dd>
        <dt className="text-ink-muted">Description</dt>
        <dd className="min-w-0 text-ink">{endpoint.description || "—"}</dd>
        <dt className="text-ink-muted">Events</dt>
        <dd className="flex min-w-0 flex-wrap gap-1">
          {endpoint.eventTypes.map((type) => (
            <span key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-ink-muted">
              {type}
            </span>
          ))}
        </dd>
        {endpoint.previousSecretExpiresAt ? (
          <>
            <dt className="text-ink-muted">Previous secret</dt>
            <dd className="text-ink">also signs until {formatDateTime(endpoint.previousSecretExpiresAt)}</dd>
          </>
        ) : null}
      </dl>
      {readOnly ? null : (
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
          Edit
        </Button>
      )}
    </div>
  );
}
