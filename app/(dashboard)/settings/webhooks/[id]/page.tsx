import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";
import type { TenantContext } from "@/lib/dal/context";
import { listDeliveries } from "@/lib/dal/webhooks/deliveries";
import { getEndpoint } from "@/lib/dal/webhooks/list-endpoints";
import { AppError } from "@/lib/errors/app-error";
import type { WebhookEndpointDto } from "@/lib/schemas/webhooks";
import { SettingsHeader } from "../../_components/settings-header";
import { DeliveryLog } from "../_components/delivery-log";
import { EnabledSwitch } from "../_components/enabled-switch";
import { EndpointActions } from "../_components/endpoint-actions";
import { EndpointSettings } from "../_components/endpoint-settings";
import { EndpointStatus } from "../_components/endpoint-status";

export const metadata: Metadata = { title: "Webhook endpoint" };

// Here, not in the log's client module: a server component importing a value from a "use client"
// file gets a client reference, not the value.
const PAGE_SIZE = 25;

/** Unknown and foreign ids are the same 404 (the DAL filters by tenant), so ids cannot be probed. */
async function endpointOrNotFound(ctx: TenantContext, id: string): Promise<WebhookEndpointDto> {
  try {
    return await getEndpoint(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const endpoint = await endpointOrNotFound(ctx, id);
  const deliveries = await listDeliveries(ctx, endpoint.id, { limit: PAGE_SIZE });
  const readOnly = ctx.role === "viewer";
  return (
    <>
      <SettingsHeader />
      <Link href="/settings/webhooks" className="text-sm text-brand-700 hover:underline">
        ← All webhook endpoints
      </Link>
      <div className="mt-3 mb-6 flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h2 className="min-w-0 font-mono text-base font-semibold break-all text-ink">{endpoint.url}</h2>
          <EndpointStatus endpoint={endpoint} />
        </div>
        <div className="flex items-center gap-2 text-sm text-ink-muted">
          <span aria-hidden="true">Send events</span>
          <EnabledSwitch
            id={endpoint.id}
            enabled={endpoint.enabled}
            label="Send events to this endpoint"
            readOnly={readOnly}
          />
        </div>
      </div>
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card
          title="Deliveries"
          description="Every event sent here: its last attempt's status code, duration and the start of the answer. Failures are retried for about a day."
        >
          <DeliveryLog
            endpointId={endpoint.id}
            initial={deliveries}
            pageSize={PAGE_SIZE}
            readOnly={readOnly}
          />
        </Card>
        <div className="space-y-6">
          <Card title="Endpoint">
            <EndpointSettings endpoint={endpoint} readOnly={readOnly} />
          </Card>
          <Card title="Actions">
            {readOnly ? (
              <p className="text-sm text-ink-muted">
                Read-only access: an owner or admin can send test events, rotate the secret or delete the
                endpoint.
              </p>
            ) : (
              <EndpointActions endpoint={endpoint} />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
