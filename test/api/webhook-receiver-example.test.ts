import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../accounts";
import { startReceiver } from "../webhook-receiver";
import { createTestEndpoint, deliverAndVerify, webhookRoutes } from "../webhooks";

// docs/webhooks.md's receivers (docs/examples/) verify a real signed delivery, and refuse it once
// anything in it is changed: the examples tenants copy are known to work.

const EXAMPLES = path.resolve(__dirname, "..", "..", "docs", "examples");
type Verify = (
  secret: string | string[],
  headers: Record<string, string>,
  raw: string,
  now?: number,
) => unknown;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let delivery: { headers: Record<string, string>; body: string; secret: string };
beforeAll(async () => {
  receiver = await startReceiver();
  const owner = await createAccount("whr-example");
  const endpoint = await createTestEndpoint(owner, { url: receiver.url("/example") });
  await webhookRoutes(owner.accessToken).test(endpoint.id);
  await deliverAndVerify(receiver, [owner.tenantId], "/example", endpoint.secret);
  const got = receiver.received.find((r) => r.path === "/example")!;
  delivery = { headers: got.headers as Record<string, string>, body: got.body, secret: endpoint.secret };
});
afterAll(() => receiver.close());

const otherSecret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;

describe("the Node receiver example", () => {
  it("accepts the delivery as signed, with one secret or the pair of a rotation", async () => {
    const file = path.join(EXAMPLES, "webhook-receiver.mjs");
    const { verifyWebhook } = (await import(/* @vite-ignore */ file)) as { verifyWebhook: Verify };
    const { headers, body, secret } = delivery;
    expect(verifyWebhook(secret, headers, body)).toMatchObject({ type: "webhook.test" });
    expect(verifyWebhook([otherSecret, secret], headers, body)).toMatchObject({ type: "webhook.test" });
    expect(() => verifyWebhook(secret, headers, body.replace("webhook.test", "key.revoked"))).toThrow(
      "bad signature",
    );
    expect(() => verifyWebhook(otherSecret, headers, body)).toThrow("bad signature");
    expect(() => verifyWebhook(secret, { ...headers, "webhook-id": "msg_other" }, body)).toThrow(
      "bad signature",
    );
    const late = Number(headers["webhook-timestamp"]) + 3600;
    expect(() => verifyWebhook(secret, headers, body, late)).toThrow("timestamp");
  });
});

const python = spawnSync("python3", ["--version"]).status === 0;

describe.skipIf(!python)("the Python receiver example (needs python3)", () => {
  /** Runs verify_webhook in python3 on this delivery; its stdout, or "refused: …". */
  function verifyInPython(secret: string, body: string) {
    const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(EXAMPLES)})
from webhook_receiver import verify_webhook
given = json.load(sys.stdin)
try:
    print(verify_webhook(given["secret"], given["headers"], given["body"].encode())["type"])
except ValueError as error:
    print("refused:", error)
`;
    const input = JSON.stringify({ secret, headers: delivery.headers, body });
    const run = spawnSync("python3", ["-c", script], { input, encoding: "utf8" });
    expect(run.stderr).toBe("");
    return run.stdout.trim();
  }

  it("accepts the delivery as signed and refuses a changed body or another secret", () => {
    expect(verifyInPython(delivery.secret, delivery.body)).toBe("webhook.test");
    expect(verifyInPython(delivery.secret, delivery.body.replace("webhook.test", "key.revoked"))).toBe(
      "refused: bad signature",
    );
    expect(verifyInPython(otherSecret, delivery.body)).toBe("refused: bad signature");
  });
});
