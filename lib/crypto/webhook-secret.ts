import { randomBytes } from "node:crypto";

/** The seal purpose of endpoint secrets: a value sealed for another purpose does not open here. */
export const WEBHOOK_SECRET_PURPOSE = "webhook-secret";

/** Standard Webhooks: `whsec_` + base64 of the key bytes (32 random bytes, 256 bits). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
