import { z } from "zod";

/** The event types an endpoint can subscribe to (issue 13); `webhook.test` is sent on request only. */
export const WEBHOOK_EVENT_TYPES = [
  "key.created",
  "key.updated",
  "key.rotated",
  "key.revoked",
  "key.leaked",
  "key.expiring",
  "key.expired",
  "credits.low",
  "credits.exhausted",
  "usage.failure_spike",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number] | "webhook.test";

export const MAX_WEBHOOK_ENDPOINTS = 10;

/**
 * http(s) only, no user:password part (it would be stored and shown in clear), at most 2048
 * characters. Where it points is checked at delivery time, after DNS resolution (SSRF).
 */
export const webhookUrlSchema = z
  .string()
  .max(2048, "Use at most 2048 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "Give an http:// or https:// URL without credentials in it.");

const eventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, "Subscribe to at least one event type.")
  .refine((types) => new Set(types).size === types.length, "List each event type once.");

const descriptionSchema = z
  .string()
  .max(500, "Use at most 500 characters.")
  .regex(/^[^\p{Cc}]*$/u, "Use printable characters only (no control characters).");

export const createWebhookInput = z
  .object({
    url: webhookUrlSchema,
    description: descriptionSchema.default(""),
    eventTypes: eventTypesSchema,
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const updateWebhookInput = z
  .object({
    url: webhookUrlSchema,
    description: descriptionSchema,
    eventTypes: eventTypesSchema,
    enabled: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

/** An endpoint as listed: never its signing secret (shown once, at creation and rotation). */
export const webhookEndpoint = z.object({
  id: z.string().describe("whe_ + 24 base62 characters"),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe("Set when Keydesk switched the endpoint off"),
  previousSecretExpiresAt: z
    .string()
    .nullable()
    .describe("After a rotation, the old secret also signs until then (24 h)"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpointDto = z.infer<typeof webhookEndpoint>;

export const webhookEndpointList = z.object({ data: z.array(webhookEndpoint), nextCursor: z.null() });

/** POST …/webhooks and …/rotate-secret: the `whsec_…` secret, returned once, here. */
export const webhookEndpointWithSecret = webhookEndpoint.extend({ secret: z.string() });

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

export const listDeliveriesQuery = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

export const webhookDelivery = z.object({
  id: z.string().describe("whd_ + 24 base62 characters"),
  endpointId: z.string(),
  eventId: z.string().describe("msg_…: the webhook-id header, the same on every attempt"),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  responseExcerpt: z.string().nullable().describe("At most 1 KiB of the receiver's answer"),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDelivery>;

export const webhookDeliveryPage = z.object({
  data: z.array(webhookDelivery),
  nextCursor: z.string().nullable(),
});
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;
