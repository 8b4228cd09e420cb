import type { WebhookEventType } from "@/lib/schemas/webhooks";

/** What each event type means, said once for the form's checkboxes and the log's filter hints. */
export const EVENT_LABELS: Record<WebhookEventType, string> = {
  "key.created": "A key was created",
  "key.updated": "A key's settings changed",
  "key.rotated": "A key was rotated",
  "key.revoked": "A key was revoked",
  "key.leaked": "GitHub reported a key in public code",
  "key.expiring": "A key expires in 7 days, then in 1 day",
  "key.expired": "A key expired",
  "credits.low": "A key's credits fell under 10 %",
  "credits.exhausted": "A key ran out of credits",
  "usage.failure_spike": "A key's failed verifications spiked",
  "webhook.test": "A test event sent from this page",
};
