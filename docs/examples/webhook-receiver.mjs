// A Keydesk webhook receiver in plain Node.js (>= 18), no dependencies: it checks the Standard
// Webhooks signature with the endpoint's whsec_ secret before trusting anything in the body.
// Run: KEYDESK_WEBHOOK_SECRET=whsec_… node docs/examples/webhook-receiver.mjs  (listens on :8787)
// test/api/webhook-receiver-example.test.ts runs verifyWebhook against real signed deliveries.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const TOLERANCE_SECONDS = 5 * 60;

/**
 * Returns the parsed event if the headers sign this exact raw body with `secret` (or throws).
 * `secret` may be a list: during a rotation accept the old and the new one.
 */
export function verifyWebhook(secret, headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) throw new Error("missing webhook headers");
  // A replayed request carries an old timestamp: refuse anything outside five minutes.
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS)
    throw new Error("timestamp too old or new");
  const secrets = Array.isArray(secret) ? secret : [secret];
  const expected = secrets.map((s) =>
    createHmac("sha256", Buffer.from(s.replace(/^whsec_/, ""), "base64"))
      .update(`${id}.${timestamp}.${rawBody}`)
      .digest(),
  );
  // The header holds "v1,<base64>" entries separated by spaces (two during Keydesk's rotation overlap).
  const matches = signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    // timingSafeEqual: comparing with === would tell an attacker how many bytes were right.
    return expected.some((mac) => mac.length === given.length && timingSafeEqual(mac, given));
  });
  if (!matches) throw new Error("bad signature");
  return JSON.parse(rawBody);
}

function handle(secret, req, res) {
  let raw = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => {
    raw += chunk;
  });
  req.on("end", () => {
    let event;
    try {
      // Verify the raw bytes as received: re-serialising parsed JSON would change them.
      event = verifyWebhook(secret, req.headers, raw);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // Deliveries are at least once: skip an event id you have already handled.
    process.stdout.write(`${event.id} ${event.type} ${event.data.key?.id ?? ""}\n`);
    res.writeHead(204).end();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const secret = process.env.KEYDESK_WEBHOOK_SECRET;
  if (!secret) throw new Error("set KEYDESK_WEBHOOK_SECRET to the endpoint's whsec_ secret");
  createServer((req, res) => handle(secret, req, res)).listen(8787);
}
