import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/webhooks/backoff";
import { createSender } from "@/lib/webhooks/send";
import { createWebhookWorker } from "@/lib/webhooks/worker";
import { createAccount, type TestAccount } from "../accounts";
import { startReceiver } from "../webhook-receiver";
import { createTestEndpoint, webhookRoutes } from "../webhooks";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let answer: () => { status: number; body?: string; headers?: Record<string, string> } | "hang" = () => ({
  status: 200,
  body: "thanks",
});

beforeAll(async () => {
  receiver = await startReceiver(() => answer());
});
afterAll(() => receiver.close());

/** A worker on a clock the test moves, sending for real (loopback allowed), to this tenant only. */
function workerFor(account: TestAccount, options: { allowPrivate?: boolean; timeoutMs?: number } = {}) {
  let now = Date.now();
  const worker = createWebhookWorker({
    sender: createSender({ allowPrivate: options.allowPrivate ?? true, timeoutMs: options.timeoutMs }),
    clock: { now: () => new Date(now) },
    onlyTenantIds: [account.tenantId],
  });
  return { worker, advance: (ms: number) => (now += ms), now: () => now };
}

async function deliveryRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row!;
}

describe("webhook delivery worker", () => {
  it("POSTs the event signed per Standard Webhooks, verified by its library, and records the answer", async () => {
    answer = () => ({ status: 200, body: "x".repeat(5000) });
    const owner = await createAccount("whw-sign");
    const endpoint = await createTestEndpoint(owner, { url: receiver.url("/sign") });
    const sent = await (await webhookRoutes(owner.accessToken).test(endpoint.id)).json();
    const { worker } = workerFor(owner);
    expect(await worker.runOnce()).toBe(1);
    const got = receiver.received.filter((r) => r.path === "/sign");
    expect(got).toHaveLength(1);
    const headers = got[0]!.headers as Record<string, string>;
    expect(headers["webhook-id"]).toBe(sent.eventId);
    const payload = new Webhook(endpoint.secret).verify(got[0]!.body, headers) as Record<string, unknown>;
    expect(payload).toMatchObject({ id: sent.eventId, type: "webhook.test", tenantId: owner.tenantId });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32).toString("base64")}`).verify(got[0]!.body, headers),
    ).toThrow();
    const row = await deliveryRow(sent.id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect(row.responseExcerpt).toHaveLength(1024);
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("signs with both secrets during a rotation's overlap", async () => {
    answer = () => ({ status: 204 });
    const owner = await createAccount("whw-rotate");
    const endpoint = await createTestEndpoint(owner, { url: receiver.url("/rotate") });
    const api = webhookRoutes(owner.accessToken);
    const rotated = await (await api.rotate(endpoint.id)).json();
    await api.test(endpoint.id);
    await workerFor(owner).worker.runOnce();
    const got = receiver.received.find((r) => r.path === "/rotate")!;
    const headers = got.headers as Record<string, string>;
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    new Webhook(endpoint.secret).verify(got.body, headers);
    new Webhook(rotated.secret).verify(got.body, headers);
  });

  it("retries a failing receiver with backoff, then fails the delivery after the last attempt", async () => {
    answer = () => ({ status: 500, body: "down" });
    const owner = await createAccount("whw-retry");
    const endpoint = await createTestEndpoint(owner, { url: receiver.url("/retry") });
    const sent = await (await webhookRoutes(owner.accessToken).test(endpoint.id)).json();
    const { worker, advance, now } = workerFor(owner);
    expect(await worker.runOnce()).toBe(1);
    let row = await deliveryRow(sent.id);
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatusCode: 500,
      responseExcerpt: "down",
    });
    const firstDelay = row.nextAttemptAt!.getTime() - now();
    expect(firstDelay).toBeGreaterThanOrEqual(4000);
    expect(firstDelay).toBeLessThanOrEqual(6000);
    expect(await worker.runOnce()).toBe(0);
    const delays = [firstDelay];
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      advance(row.nextAttemptAt!.getTime() - now());
      expect(await worker.runOnce()).toBe(1);
      row = await deliveryRow(sent.id);
      if (row.nextAttemptAt) delays.push(row.nextAttemptAt.getTime() - now());
    }
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    // Each wait follows the growing schedule, jitter within its bounds (the last two steps share a
    // base, so comparing neighbours alone failed whenever the jitter fell the other way).
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(retryDelayMs(i + 1, () => 0)!);
      expect(delay).toBeLessThanOrEqual(retryDelayMs(i + 1, () => 1)!);
    });
    for (let i = 1; i < delays.length; i++)
      expect(retryDelayMs(i + 1, () => 0.5)!).toBeGreaterThanOrEqual(retryDelayMs(i, () => 0.5)!);
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(18 * 3600_000);
    expect(total).toBeLessThan(30 * 3600_000);
    expect(receiver.received.filter((r) => r.path === "/retry")).toHaveLength(MAX_ATTEMPTS);
  });

  it("switches the endpoint off at once on 410 Gone, audited", async () => {
    answer = () => ({ status: 410 });
    const owner = await createAccount("whw-gone");
    const endpoint = await createTestEndpoint(owner, { url: receiver.url("/gone") });
    const sent = await (await webhookRoutes(owner.accessToken).test(endpoint.id)).json();
    await workerFor(owner).worker.runOnce();
    expect(await deliveryRow(sent.id)).toMatchObject({ status: "failed", lastStatusCode: 410 });
    const after = await (await webhookRoutes(owner.accessToken).get(endpoint.id)).json();
    expect(after).toMatchObject({ enabled: false, disabledReason: "410 Gone" });
    const db = await getDb();
    const audited = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, owner.tenantId), eq(auditEvents.action, "webhook.disabled")));
    expect(audited).toHaveLength(1);
  });

  it("switches the endpoint off after 5 days of failures", async () => {
    answer = () => ({ status: 503 });
    const owner = await createAccount("whw-5days");
    const endpoint = await createTestEndpoint(owner, { url: receiver.url("/five") });
    const api = webhookRoutes(owner.accessToken);
    await api.test(endpoint.id);
    const { worker, advance } = workerFor(owner);
    expect(await worker.runOnce()).toBe(1);
    advance(5 * 24 * 3600_000);
    const later = await (await api.test(endpoint.id)).json();
    const db = await getDb();
    await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(Date.now()) })
      .where(eq(webhookDeliveries.id, later.id));
    await worker.runOnce();
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ enabled: false, disabledReason: "Failing for 5 days" });
  });

  it("never follows a redirect", async () => {
    answer = () => ({ status: 302, headers: { location: receiver.url("/elsewhere") } });
    const owner = await createAccount("whw-redirect");
    const endpoint = await createTestEndpoint(owner, { url: receiver.url("/redirect") });
    const sent = await (await webhookRoutes(owner.accessToken).test(endpoint.id)).json();
    await workerFor(owner).worker.runOnce();
    expect(await deliveryRow(sent.id)).toMatchObject({ status: "pending", lastStatusCode: 302 });
    expect(receiver.received.some((r) => r.path === "/elsewhere")).toBe(false);
  });

  it("gives up on a receiver that does not answer within the timeout", async () => {
    answer = () => "hang";
    const owner = await createAccount("whw-timeout");
    const endpoint = await createTestEndpoint(owner, { url: receiver.url("/hang") });
    const sent = await (await webhookRoutes(owner.accessToken).test(endpoint.id)).json();
    await workerFor(owner, { timeoutMs: 300 }).worker.runOnce();
    const row = await deliveryRow(sent.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(row.error).toContain("No answer within");
  });

  it("refuses loopback, private, link-local and metadata addresses unless allowed", async () => {
    answer = () => ({ status: 200 });
    const owner = await createAccount("whw-ssrf");
    const api = webhookRoutes(owner.accessToken);
    const urls = [
      receiver.url("/ssrf"),
      `http://localhost:${receiver.port}/ssrf`,
      `http://[::1]:${receiver.port}/ssrf`,
      `http://[::ffff:127.0.0.1]:${receiver.port}/ssrf`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/ssrf",
      "http://192.168.1.1/ssrf",
    ];
    const sentIds: string[] = [];
    for (const url of urls) {
      const endpoint = await createTestEndpoint(owner, { url });
      sentIds.push((await (await api.test(endpoint.id)).json()).id);
    }
    await workerFor(owner, { allowPrivate: false }).worker.runOnce();
    for (const id of sentIds) {
      const row = await deliveryRow(id);
      expect(row.lastStatusCode, id).toBeNull();
      expect(row.error).toMatch(/private, loopback or link-local/);
    }
    expect(receiver.received.some((r) => r.path === "/ssrf")).toBe(false);
  });
});
