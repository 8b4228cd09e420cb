import type { WebhookEndpointDto } from "@/lib/schemas/webhooks";

/** On, switched off by someone, or switched off by Keydesk (410 Gone, 5 days of failures) and why. */
export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpointDto }) {
  if (endpoint.enabled)
    return (
      <span className="rounded-full bg-ok-soft px-2 py-0.5 text-xs font-medium whitespace-nowrap text-emerald-800">
        Enabled
      </span>
    );
  if (endpoint.disabledReason)
    return (
      <span className="rounded-full bg-danger-soft px-2 py-0.5 text-xs font-medium text-red-800">
        Disabled by Keydesk: {endpoint.disabledReason}
      </span>
    );
  return (
    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-ink-muted">
      Off
    </span>
  );
}
