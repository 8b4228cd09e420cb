import { Webhook } from "standardwebhooks";
import { GET as deliveries } from "@/app/api/tenants/me/webhooks/[id]/deliveries/route";
import { POST as rotate } from "@/app/api/tenants/me/webhooks/[id]/rotate-secret/route";
import { GET as getOne, PATCH as patch, DELETE as remove } from "@/app/api/tenants/me/webhooks/[id]/route";
import { POST as sendTest } from "@/app/api/tenants/me/webhooks/[id]/test/route";
import { POST as retry } from "@/app/api/tenants/me/webhooks/deliveries/[deliveryId]/retry/route";
import { POST as create, GET as list } from "@/app/api/tenants/me/webhooks/route";
import { webhookPayload } from "@/lib/schemas/webhook-events";
import { createSender } from "@/lib/webhooks/send";
import { createWebhookWorker } from "@/lib/webhooks/worker";
import type { TestAccount } from "./accounts";
import { call } from "./http";
import type { startReceiver } from "./webhook-receiver";

/** The webhook routes, called as Next would (test/http.ts), for one caller's token. */
export function webhookRoutes(token: string | undefined) {
  const auth = token ? { token } : {};
  return {
    create: (body: unknown) => call(create, { ...auth, body }),
    list: () => call(list, auth),
    get: (id: string) => call(getOne, { ...auth, params: { id } }),
    patch: (id: string, body: unknown) => call(patch, { ...auth, method: "PATCH", params: { id }, body }),
    remove: (id: string) => call(remove, { ...auth, method: "DELETE", params: { id } }),
    rotate: (id: string) => call(rotate, { ...auth, method: "POST", params: { id } }),
    test: (id: string) => call(sendTest, { ...auth, method: "POST", params: { id } }),
    deliveries: (id: string, path = "/") => call(deliveries, { ...auth, params: { id }, path }),
    retry: (deliveryId: string) => call(retry, { ...auth, method: "POST", params: { deliveryId } }),
  };
}

export async function createTestEndpoint(account: TestAccount, body: Record<string, unknown> = {}) {
  const res = await webhookRoutes(account.accessToken).create({
    url: "https://hooks.example.com/keydesk",
    eventTypes: ["key.created", "key.revoked"],
    ...body,
  });
  if (res.status !== 201) throw new Error(`create webhook failed: ${res.status} ${res.text}`);
  return (await res.json()) as { id: string; secret: string } & Record<string, unknown>;
}

/**
 * Sends every due delivery of these tenants to the real receiver (loopback allowed) and returns
 * the payloads that arrived at `path`, each verified with the Standard Webhooks library and the
 * endpoint's secret.
 */
export async function deliverAndVerify(
  receiver: Awaited<ReturnType<typeof startReceiver>>,
  tenantIds: string[],
  path: string,
  secret: string,
): Promise<Array<{ id: string; type: string; tenantId: string; data: Record<string, unknown> }>> {
  const worker = createWebhookWorker({
    sender: createSender({ allowPrivate: true }),
    onlyTenantIds: tenantIds,
    batchSize: 100,
  });
  while ((await worker.runOnce()) > 0);
  return receiver.received
    .filter((r) => r.path === path)
    .map((r) => {
      const payload = new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
        type: never;
      };
      // What arrives is what the OpenAPI `webhooks` section documents.
      return webhookPayload(payload.type).parse(payload) as never;
    });
}
