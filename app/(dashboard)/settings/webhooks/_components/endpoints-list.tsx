import Link from "next/link";
import { formatDate } from "@/components/keys/format";
import type { WebhookEndpointDto } from "@/lib/schemas/webhooks";
import { EnabledSwitch } from "./enabled-switch";
import { EndpointStatus } from "./endpoint-status";

export function EndpointsList({
  endpoints,
  readOnly,
}: {
  endpoints: WebhookEndpointDto[];
  readOnly: boolean;
}) {
  if (endpoints.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-ink-muted">
        No endpoints yet.{" "}
        {readOnly
          ? "An owner or admin can add one."
          : "Add one to have key events POSTed to your systems, signed."}
      </p>
    );
  return (
    <ul
      className="divide-y divide-slate-100 rounded-lg border border-slate-200"
      aria-label="Webhook endpoints"
    >
      {endpoints.map((endpoint) => (
        <li key={endpoint.id} data-testid="endpoint-row" className="flex items-start gap-4 px-4 py-4 text-sm">
          <div className="min-w-0 flex-1 space-y-1.5">
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={`/settings/webhooks/${endpoint.id}`}
                className="min-w-0 font-mono text-sm font-medium break-all text-brand-700 hover:underline"
              >
                {endpoint.url}
              </Link>
              <EndpointStatus endpoint={endpoint} />
            </div>
            {endpoint.description ? <p className="text-ink">{endpoint.description}</p> : null}
            <ul className="flex flex-wrap gap-1" aria-label="Subscribed events">
              {endpoint.eventTypes.map((type) => (
                <li
                  key={type}
                  className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-ink-muted"
                >
                  {type}
                </li>
              ))}
            </ul>
            <p className="text-xs text-ink-faint">
              Added {formatDate(endpoint.createdAt)} ·{" "}
              <Link href={`/settings/webhooks/${endpoint.id}`} className="text-brand-700 hover:underline">
                Deliveries and settings →
              </Link>
            </p>
          </div>
          <EnabledSwitch
            id={endpoint.id}
            enabled={endpoint.enabled}
            label={`Send events to ${endpoint.url}`}
            readOnly={readOnly}
          />
        </li>
      ))}
    </ul>
  );
}
