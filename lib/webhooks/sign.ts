import { createHmac } from "node:crypto";

/**
 * Standard Webhooks signatures: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the
 * base64-decoded part of the `whsec_` secret. Several secrets (a rotation's overlap) give several
 * signatures, space-separated; a receiver accepts the message if any one matches.
 */
export function signatureHeader(
  secrets: string[],
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
      const mac = createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
      return `v1,${mac}`;
    })
    .join(" ");
}
