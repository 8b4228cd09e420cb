import "server-only";
import { recordDeliveryOutcome, skipDelivery } from "@/lib/dal/webhooks/delivery-outcome";
import { type ClaimedDelivery, claimDueDeliveries } from "@/lib/dal/webhooks/delivery-queue";
import { describeError, log } from "@/lib/log";
import { retryDelayMs } from "./backoff";
import { type Clock, createPeriodicJob } from "./periodic-job";
import type { Sender } from "./send";
import { signatureHeader } from "./sign";

export type { Clock } from "./periodic-job";

export type WebhookWorker = { runOnce: () => Promise<number>; start: () => void; stop: () => Promise<void> };

/** Sends one claimed delivery and records the attempt. */
async function deliver(delivery: ClaimedDelivery, sender: Sender, clock: Clock): Promise<void> {
  if (!delivery.enabled && delivery.eventType !== "webhook.test")
    return skipDelivery(delivery, "The endpoint was switched off.");
  const now = clock.now();
  const timestamp = Math.floor(now.getTime() / 1000);
  const body = JSON.stringify(delivery.payload);
  const result = await sender({
    url: delivery.url,
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "Keydesk-Webhooks/1",
      "webhook-id": delivery.eventId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(delivery.secrets, delivery.eventId, timestamp, body),
    },
  });
  const status = result.ok ? result.status : null;
  const succeeded = status !== null && status >= 200 && status < 300;
  const delay = succeeded ? null : retryDelayMs(delivery.attempts + 1);
  await recordDeliveryOutcome(delivery, {
    now: clock.now(),
    status,
    durationMs: result.durationMs,
    excerpt: result.ok ? result.excerpt : null,
    error: result.ok ? (succeeded ? null : `HTTP ${result.status}`) : result.error,
    retryAt: delay === null ? null : new Date(clock.now().getTime() + delay),
  });
}

/**
 * The delivery loop of one server process: every `intervalMs` it claims due deliveries (several
 * instances share the queue, see delivery-queue.ts) and sends them concurrently. Clock and sender
 * are injected so that tests control time and what receivers answer.
 */
export function createWebhookWorker(options: {
  sender: Sender;
  clock?: Clock;
  intervalMs?: number;
  batchSize?: number;
  onlyTenantIds?: string[];
}): WebhookWorker {
  const clock = options.clock ?? { now: () => new Date() };
  const intervalMs = options.intervalMs ?? 1000;
  const batchSize = options.batchSize ?? 20;

  async function runOnce(): Promise<number> {
    const claimed = await claimDueDeliveries(clock.now(), batchSize, options.onlyTenantIds);
    await Promise.all(
      claimed.map((delivery) =>
        deliver(delivery, options.sender, clock).catch((error: unknown) =>
          log.error("webhook delivery failed", { deliveryId: delivery.id, ...describeError(error) }),
        ),
      ),
    );
    return claimed.length;
  }

  const job = createPeriodicJob({
    intervalMs,
    run: runOnce,
    onError: (error) => log.error("webhook worker failed", describeError(error)),
  });
  return { runOnce, ...job };
}
