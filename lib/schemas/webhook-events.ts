import { z } from "zod";
import { apiKey } from "./api-keys";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType, webhookEndpoint } from "./webhooks";

/**
 * What each webhook event's `data` holds (issue 13): documented here once, for the OpenAPI
 * `webhooks` section and docs/webhooks.md. Never a secret: `key` is the key's DTO as the REST API
 * answers it (no key material, no hash).
 */
const keyEvent = (extra: z.ZodRawShape = {}) => z.object({ key: apiKey, ...extra });

const expiresAt = z.string().describe("The expiry this event announces (ISO 8601)");
const remaining = z.number().int().describe("The balance right after the spend that crossed the threshold");

export const WEBHOOK_EVENT_DATA: Record<WebhookEventType, { summary: string; data: z.ZodObject }> = {
  "key.created": { summary: "A key was created", data: keyEvent() },
  "key.updated": {
    summary: "A key's settings changed",
    data: keyEvent({ changed: z.array(z.string()).describe("The fields the PATCH named") }),
  },
  "key.rotated": {
    summary: "A key was rotated: `key` is the old key (now in its grace period), `newKey` its successor",
    data: keyEvent({ newKey: apiKey }),
  },
  "key.revoked": { summary: "A key was revoked", data: keyEvent({ reason: z.string() }) },
  "key.leaked": {
    summary: "GitHub reported the key public; it is revoked too (key.revoked follows)",
    data: keyEvent({
      leak: z.object({ url: z.string().nullable(), source: z.string().nullable() }),
    }),
  },
  "key.expiring": {
    summary:
      "A key expires in 7 days or less (threshold 7d) or 1 day or less (1d); sent once per threshold and expiry",
    data: keyEvent({ expiresAt, threshold: z.enum(["7d", "1d"]) }),
  },
  "key.expired": { summary: "A key's expiry passed", data: keyEvent({ expiresAt }) },
  "credits.low": {
    summary:
      "A spend took the balance under 10 % of the refill amount (or of the balance last set); once per period",
    data: keyEvent({ remaining }),
  },
  "credits.exhausted": {
    summary: "A spend took the balance to 0; once per period",
    data: keyEvent({ remaining }),
  },
  "usage.failure_spike": {
    summary: "A key's failed verifications in 5 minutes exceeded the threshold; at most once an hour per key",
    data: keyEvent({
      failures: z.number().int().describe("Failed verifications in the window"),
      windowMinutes: z.literal(5),
      threshold: z.number().int().describe("WEBHOOK_FAILURE_SPIKE_THRESHOLD"),
    }),
  },
  "webhook.test": {
    summary: "Sent by POST …/webhooks/{id}/test, to that endpoint only",
    data: z.object({ endpoint: webhookEndpoint }),
  },
};

/** The body of every delivery: the envelope, with `type` and `data` of one event type. */
export function webhookPayload(type: WebhookEventType) {
  return z.object({
    id: z.string().describe("msg_…: the webhook-id header, the same on every attempt"),
    type: z.literal(type),
    timestamp: z.string().describe("When the event happened (ISO 8601)"),
    tenantId: z.string(),
    data: WEBHOOK_EVENT_DATA[type].data,
  });
}

export const DOCUMENTED_EVENT_TYPES: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES, "webhook.test"];
