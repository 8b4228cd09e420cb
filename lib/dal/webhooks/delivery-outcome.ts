import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAudit } from "../audit";

/** After this long failing without a single success, Keydesk switches the endpoint off. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 60 * 60 * 1000;

export type Outcome = {
  now: Date;
  /** The HTTP status, when the receiver answered. */
  status: number | null;
  durationMs: number;
  excerpt: string | null;
  error: string | null;
  /** When to try again; null when no attempt is left (the delivery has failed for good). */
  retryAt: Date | null;
};

async function disableEndpoint(tx: Transaction, tenantId: string, endpointId: string, reason: string) {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason, updatedAt: sql`now()` })
    .where(
      and(
        eq(webhookEndpoints.tenantId, tenantId),
        eq(webhookEndpoints.id, endpointId),
        eq(webhookEndpoints.enabled, true),
      ),
    )
    .returning({ id: webhookEndpoints.id });
  if (!row) return;
  await recordAudit(tx, {
    tenantId,
    actor: { type: "system" },
    action: "webhook.disabled",
    target: { type: "webhook_endpoint", id: endpointId },
    ip: null,
    details: { reason },
  });
}

/**
 * Records one attempt. A 2xx succeeds and ends the endpoint's failure streak. 410 Gone switches the
 * endpoint off at once; any other failure is retried at `retryAt`, and switches it off once it has
 * been failing for 5 days without a success. Each switch-off is audited (actor: system).
 */
export async function recordDeliveryOutcome(
  delivery: { id: string; tenantId: string; endpointId: string },
  outcome: Outcome,
): Promise<void> {
  const succeeded = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const gone = outcome.status === 410;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastAttemptAt: outcome.now,
        lastStatusCode: outcome.status,
        durationMs: outcome.durationMs,
        responseExcerpt: outcome.excerpt,
        error: outcome.error,
        status: succeeded ? "succeeded" : gone || !outcome.retryAt ? "failed" : "pending",
        nextAttemptAt: succeeded || gone ? null : outcome.retryAt,
      })
      .where(and(eq(webhookDeliveries.tenantId, delivery.tenantId), eq(webhookDeliveries.id, delivery.id)));
    const endpoint = and(
      eq(webhookEndpoints.tenantId, delivery.tenantId),
      eq(webhookEndpoints.id, delivery.endpointId),
    );
    if (succeeded) {
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(endpoint);
      return;
    }
    if (gone) return disableEndpoint(tx, delivery.tenantId, delivery.endpointId, "410 Gone");
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${outcome.now.toISOString()}::timestamptz)`,
      })
      .where(endpoint)
      .returning({ failingSince: webhookEndpoints.failingSince });
    if (row?.failingSince && outcome.now.getTime() - row.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS)
      await disableEndpoint(tx, delivery.tenantId, delivery.endpointId, "Failing for 5 days");
  });
}

/** A delivery for an endpoint switched off meanwhile: failed without an attempt. */
export async function skipDelivery(
  delivery: { id: string; tenantId: string },
  reason: string,
): Promise<void> {
  const db = await getDb();
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", nextAttemptAt: null, error: reason })
    .where(and(eq(webhookDeliveries.tenantId, delivery.tenantId), eq(webhookDeliveries.id, delivery.id)));
}
