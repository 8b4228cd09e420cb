import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { unseal } from "@/lib/crypto/seal";
import { WEBHOOK_SECRET_PURPOSE } from "@/lib/crypto/webhook-secret";
import { getEnv } from "@/lib/env";

/** Longer than a send's 10 s timeout: a claimed delivery is not claimed again while it is sent. */
export const CLAIM_LEASE_MS = 30_000;

export type ClaimedDelivery = {
  id: string;
  tenantId: string;
  endpointId: string;
  attempts: number;
  url: string;
  enabled: boolean;
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
  /** The secrets that sign: the current one, and the previous one during a rotation's overlap. */
  secrets: string[];
};

/**
 * Takes up to `limit` due deliveries with FOR UPDATE SKIP LOCKED and leases them (next_attempt_at
 * moves CLAIM_LEASE_MS ahead) in one short transaction: another instance skips them while they are
 * locked and, once committed, while the lease runs. An instance that dies mid-send leaves the row
 * pending; it is due again when the lease ends, so nothing is lost (at least once, and never twice
 * at the same time).
 */
export async function claimDueDeliveries(
  now: Date,
  limit: number,
  /** Tests that share a database with other suites claim only their own tenants' deliveries. */
  onlyTenantIds?: string[],
): Promise<ClaimedDelivery[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, now),
          onlyTenantIds ? inArray(webhookDeliveries.tenantId, onlyTenantIds) : undefined,
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((row) => row.id);
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(inArray(webhookDeliveries.id, ids));
    const rows = await tx
      .select({
        id: webhookDeliveries.id,
        tenantId: webhookDeliveries.tenantId,
        endpointId: webhookDeliveries.endpointId,
        attempts: webhookDeliveries.attempts,
        url: webhookEndpoints.url,
        enabled: webhookEndpoints.enabled,
        secret: webhookEndpoints.secret,
        previousSecret: webhookEndpoints.previousSecret,
        previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
        eventId: webhookEvents.id,
        eventType: webhookEvents.type,
        payload: webhookEvents.payload,
      })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .innerJoin(
        webhookEvents,
        and(
          eq(webhookEvents.tenantId, webhookDeliveries.tenantId),
          eq(webhookEvents.id, webhookDeliveries.eventId),
        ),
      )
      .where(inArray(webhookDeliveries.id, ids));
    const authSecret = getEnv().authSecret;
    return rows.map(({ secret, previousSecret, previousSecretExpiresAt, ...row }) => ({
      ...row,
      secrets: [
        unseal(secret, authSecret, WEBHOOK_SECRET_PURPOSE),
        ...(previousSecret && previousSecretExpiresAt && previousSecretExpiresAt > now
          ? [unseal(previousSecret, authSecret, WEBHOOK_SECRET_PURPOSE)]
          : []),
      ],
    }));
  });
}
