import { z } from "zod";
import { DOCUMENTED_EVENT_TYPES, WEBHOOK_EVENT_DATA, webhookPayload } from "@/lib/schemas/webhook-events";

const header = (name: string, description: string) => ({
  name,
  in: "header",
  required: true,
  description,
  schema: { type: "string" },
});

/** Standard Webhooks headers, on every delivery (docs/webhooks.md says how to verify them). */
const HEADERS = [
  header("webhook-id", "msg_…: the event's id, the same on every attempt (deduplicate on it)"),
  header("webhook-timestamp", "Unix seconds of this attempt"),
  header(
    "webhook-signature",
    'v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}"> — two, space-separated, during a secret rotation\'s 24 h overlap',
  ),
];

/** OpenAPI 3.1 `webhooks`: one POST per event type, its body the event's payload schema. */
export function webhooksSection() {
  return Object.fromEntries(
    DOCUMENTED_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          tags: ["Webhooks"],
          summary: WEBHOOK_EVENT_DATA[type].summary,
          operationId: `webhook${type.replace(/(^|[._])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
          parameters: HEADERS,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: z.toJSONSchema(webhookPayload(type), { io: "output", unrepresentable: "any" }),
              },
            },
          },
          responses: {
            "2XX": { description: "Received. Anything else (or no answer in 10 s) is retried with backoff." },
            "410": { description: "Gone: the endpoint is switched off at once." },
          },
        },
      },
    ]),
  );
}
