import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { WebhookEventType } from "@/lib/schemas/webhooks";

export type WebhookPayload = {
  id: string;
  type: WebhookEventType;
  timestamp: string;
  tenantId: string;
  data: Record<string, unknown>;
};

/**
 * Writes the event to the outbox and one pending delivery per enabled endpoint subscribed to its
 * type — in the caller's transaction, so the event exists if and only if the change that caused it
 * committed. `onlyEndpointId` (test events) targets one endpoint whatever it subscribes to.
 * `data` must never hold a secret: it is sent to the tenant's URLs and shown in the delivery log.
 */
export async function enqueueWebhookEvent(
  tx: Transaction,
  event: { tenantId: string; type: WebhookEventType; data: Record<string, unknown>; onlyEndpointId?: string },
): Promise<{ eventId: string; deliveryIds: string[] }> {
  const id = newId("msg");
  const payload: WebhookPayload = {
    id,
    type: event.type,
    timestamp: new Date().toISOString(),
    tenantId: event.tenantId,
    data: event.data,
  };
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.tenantId, event.tenantId),
        event.onlyEndpointId
          ? eq(webhookEndpoints.id, event.onlyEndpointId)
          : and(
              eq(webhookEndpoints.enabled, true),
              sql`${webhookEndpoints.eventTypes} @> ${JSON.stringify([event.type])}::jsonb`,
            ),
      ),
    );
  // An event no endpoint wants is not stored: the outbox only holds work (and its history).
  if (endpoints.length === 0) return { eventId: id, deliveryIds: [] };
  await tx.insert(webhookEvents).values({ id, tenantId: event.tenantId, type: event.type, payload });
  const deliveries = endpoints.map((endpoint) => ({
    id: newId("whd"),
    tenantId: event.tenantId,
    eventId: id,
    endpointId: endpoint.id,
    nextAttemptAt: new Date(),
  }));
  await tx.insert(webhookDeliveries).values(deliveries);
  return { eventId: id, deliveryIds: deliveries.map((d) => d.id) };
}
