import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";
import { listEndpoints } from "@/lib/dal/webhooks/list-endpoints";
import { MAX_WEBHOOK_ENDPOINTS } from "@/lib/schemas/webhooks";
import { SettingsHeader } from "../_components/settings-header";
import { EndpointForm } from "./_components/endpoint-form";
import { EndpointsList } from "./_components/endpoints-list";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const ctx = await requireContext();
  const endpoints = await listEndpoints(ctx);
  const readOnly = ctx.role === "viewer";
  const full = endpoints.length >= MAX_WEBHOOK_ENDPOINTS;
  return (
    <>
      <SettingsHeader />
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card
          title="Webhook endpoints"
          description="Keydesk POSTs key events to these URLs, signed per the Standard Webhooks specification, and retries failures for about a day."
        >
          <EndpointsList endpoints={endpoints} readOnly={readOnly} />
        </Card>
        <Card
          title="Add an endpoint"
          description={`Up to ${MAX_WEBHOOK_ENDPOINTS} per workspace. Its signing secret is shown once, when it is added.`}
        >
          {readOnly ? (
            <p className="text-sm text-ink-muted">Read-only access: an owner or admin can add endpoints.</p>
          ) : full ? (
            <p className="text-sm text-ink-muted">
              This workspace has {MAX_WEBHOOK_ENDPOINTS} endpoints, the most it can have. Delete one to add
              another.
            </p>
          ) : (
            <EndpointForm />
          )}
        </Card>
      </div>
    </>
  );
}
