import "server-only";
import type { Transaction } from "@/db/client";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import type { WebhookEventType } from "@/lib/schemas/webhooks";
import { enqueueWebhookEvent } from "./outbox";

/**
 * A key event into the outbox, in the transaction of the change: `data.key` is the key's DTO (the
 * same as the REST API answers: no secret, no hash), `extra` what the type adds (reason, URL…).
 */
export async function enqueueKeyEvent(
  tx: Transaction,
  tenantId: string,
  type: Extract<WebhookEventType, `key.${string}`>,
  key: ApiKeyDto,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await enqueueWebhookEvent(tx, { tenantId, type, data: { key, ...extra } });
}
