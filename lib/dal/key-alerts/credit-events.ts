import "server-only";
import { getDb } from "@/db/client";
import type { CreditAlert } from "@/lib/keys/credit-alerts";
import { describeError, log } from "@/lib/log";
import { enqueueWebhookEvent } from "../webhooks/outbox";
import { type KeyRef, keyDtosFor, refId } from "./notice-keys";

const pending = new Set<Promise<void>>();

async function enqueueCreditAlerts(
  ref: KeyRef,
  alerts: readonly CreditAlert[],
  remaining: number,
  now: Date,
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const key = (await keyDtosFor(tx, [ref], now)).get(refId(ref));
    if (!key) return;
    for (const type of alerts) {
      await enqueueWebhookEvent(tx, { tenantId: ref.tenantId, type, data: { key, remaining } });
    }
  });
}

/**
 * Queues credits.low / credits.exhausted after the spend that crossed them, without holding up the
 * verification that spent (the answer does not wait for the outbox). The spend has committed by
 * then: a crash between the two loses the alert (docs/decisions.md), which no extra write on every
 * spend could prevent short of a transaction per verification.
 */
export function queueCreditAlerts(
  ref: KeyRef,
  alerts: readonly CreditAlert[],
  remaining: number,
  now: Date,
): void {
  const work = enqueueCreditAlerts(ref, alerts, remaining, now)
    .catch((error: unknown) =>
      log.error("credit alert not queued", { keyId: ref.keyId, alerts, ...describeError(error) }),
    )
    .finally(() => pending.delete(work));
  pending.add(work);
}

/** Waits for the alerts being queued (graceful shutdown, before the database closes; tests). */
export async function settleCreditAlerts(): Promise<void> {
  await Promise.all([...pending]);
}
