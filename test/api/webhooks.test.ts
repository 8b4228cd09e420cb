import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { unseal } from "@/lib/crypto/seal";
import { WEBHOOK_SECRET_PURPOSE } from "@/lib/crypto/webhook-secret";
import { getEnv } from "@/lib/env";
import { createAccount } from "../accounts";
import { joinAs } from "../teams";
import { createTestEndpoint, webhookRoutes } from "../webhooks";

const DAY_MS = 24 * 60 * 60 * 1000;

async function storedSecrets(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ secret: webhookEndpoints.secret, previous: webhookEndpoints.previousSecret })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id));
  return row!;
}

describe("webhook endpoints REST", () => {
  it("creates, reads, lists, updates and deletes, each change audited", async () => {
    const owner = await createAccount("whe-crud");
    const api = webhookRoutes(owner.accessToken);
    const created = await api.create({
      url: "https://hooks.example.com/in",
      description: "Pager",
      eventTypes: ["key.revoked", "key.leaked"],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const body = await created.json();
    expect(body).toMatchObject({
      url: "https://hooks.example.com/in",
      description: "Pager",
      eventTypes: ["key.revoked", "key.leaked"],
      enabled: true,
      disabledReason: null,
      previousSecretExpiresAt: null,
    });
    expect(body.id).toMatch(/^whe_[0-9A-Za-z]{24}$/);

    expect((await (await api.get(body.id)).json()).description).toBe("Pager");
    const listed = await (await api.list()).json();
    expect(listed).toEqual({ data: [expect.objectContaining({ id: body.id })], nextCursor: null });

    const patched = await api.patch(body.id, { enabled: false, eventTypes: ["key.created"] });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ enabled: false, eventTypes: ["key.created"] });

    expect((await api.remove(body.id)).status).toBe(200);
    expect((await api.get(body.id)).status).toBe(404);
    const db = await getDb();
    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, owner.tenantId), like(auditEvents.action, "webhook.%")));
    expect(events.map((e) => e.action).sort()).toEqual([
      "webhook.created",
      "webhook.deleted",
      "webhook.updated",
    ]);
  });

  it("shows the whsec_ secret once, stores it sealed, and rotates it with a 24 h overlap", async () => {
    const owner = await createAccount("whe-secret");
    const api = webhookRoutes(owner.accessToken);
    const endpoint = await createTestEndpoint(owner);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(endpoint.secret.slice(6), "base64")).toHaveLength(32);

    const stored = await storedSecrets(endpoint.id);
    expect(stored.secret).not.toContain(endpoint.secret.slice(6, 20));
    expect(unseal(stored.secret, getEnv().authSecret, WEBHOOK_SECRET_PURPOSE)).toBe(endpoint.secret);
    for (const res of [
      await api.get(endpoint.id),
      await api.list(),
      await api.patch(endpoint.id, { description: "x" }),
      await api.test(endpoint.id),
      await api.deliveries(endpoint.id),
    ]) {
      expect(res.status).toBeLessThan(300);
      expect(res.text).not.toContain("whsec_");
      expect(res.text).not.toContain(endpoint.secret.slice(6));
    }

    const rotated = await api.rotate(endpoint.id);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get("cache-control")).toBe("no-store");
    const next = await rotated.json();
    expect(next.secret).toMatch(/^whsec_/);
    expect(next.secret).not.toBe(endpoint.secret);
    const overlapEnds = Date.parse(next.previousSecretExpiresAt) - Date.now();
    expect(overlapEnds).toBeGreaterThan(DAY_MS - 60_000);
    expect(overlapEnds).toBeLessThanOrEqual(DAY_MS);
    const after = await storedSecrets(endpoint.id);
    expect(unseal(after.secret, getEnv().authSecret, WEBHOOK_SECRET_PURPOSE)).toBe(next.secret);
    expect(unseal(after.previous!, getEnv().authSecret, WEBHOOK_SECRET_PURPOSE)).toBe(endpoint.secret);
    expect((await api.get(endpoint.id)).text).not.toContain(next.secret.slice(6));
  });

  it("allows at most 10 endpoints per workspace, even when created at once", async () => {
    const owner = await createAccount("whe-cap");
    const api = webhookRoutes(owner.accessToken);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.create({ url: `https://hooks.example.com/${i}`, eventTypes: ["key.created"] }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.status)).toEqual([409, 409]);
    expect((await refused[0]!.json()).error.message).toContain("at most 10");
    expect((await (await api.list()).json()).data).toHaveLength(10);
    // Another workspace is not affected.
    await createTestEndpoint(await createAccount("whe-cap-b"));
  });

  it("answers 400 with field errors for bad input", async () => {
    const owner = await createAccount("whe-bad");
    const api = webhookRoutes(owner.accessToken);
    const ok = { url: "https://hooks.example.com/x", eventTypes: ["key.created"] };
    const cases: [unknown, string][] = [
      [{}, "url"],
      [{ ...ok, url: "not a url" }, "url"],
      [{ ...ok, url: "ftp://hooks.example.com/x" }, "url"],
      [{ ...ok, url: "https://user:pw@hooks.example.com/x" }, "url"],
      [{ ...ok, url: `https://hooks.example.com/${"x".repeat(2048)}` }, "url"],
      [{ ...ok, eventTypes: [] }, "eventTypes"],
      [{ ...ok, eventTypes: ["key.exploded"] }, "eventTypes.0"],
      [{ ...ok, eventTypes: ["key.created", "key.created"] }, "eventTypes"],
      [{ ...ok, description: "x".repeat(501) }, "description"],
      [{ ...ok, description: "bell\u0007" }, "description"],
      [{ ...ok, enabled: "yes" }, "enabled"],
      [{ ...ok, secret: "whsec_mine" }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await api.create(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = (await res.json()).error;
      expect(error.code).toBe("VALIDATION_ERROR");
      if (path) expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const one = await createTestEndpoint(owner);
    expect((await api.patch(one.id, {})).status).toBe(400);
    expect((await api.patch(one.id, { url: "javascript:alert(1)" })).status).toBe(400);
    for (const query of ["/?status=lost", "/?limit=0", "/?limit=101", "/?cursor=bm9wZQ"])
      expect((await api.deliveries(one.id, query)).status, query).toBe(400);
  });
});

describe("webhook test events and the delivery log", () => {
  it("queues a test event, lists deliveries by status with keyset pagination, and retries one", async () => {
    const owner = await createAccount("whd-log");
    const api = webhookRoutes(owner.accessToken);
    const endpoint = await createTestEndpoint(owner, { enabled: false });
    const sent = await api.test(endpoint.id);
    expect(sent.status).toBe(202);
    const first = await sent.json();
    expect(first).toMatchObject({
      endpointId: endpoint.id,
      eventType: "webhook.test",
      status: "pending",
      attempts: 0,
      lastStatusCode: null,
    });
    expect(first.id).toMatch(/^whd_/);
    expect(first.eventId).toMatch(/^msg_[0-9A-Za-z]{24}$/);
    await api.test(endpoint.id);
    await api.test(endpoint.id);

    const db = await getDb();
    const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, first.eventId));
    expect(event!.payload).toMatchObject({
      id: first.eventId,
      type: "webhook.test",
      tenantId: owner.tenantId,
      data: { endpoint: { id: endpoint.id } },
    });
    expect(Date.parse(event!.payload.timestamp as string)).not.toBeNaN();

    const page = await (await api.deliveries(endpoint.id, "/?limit=2")).json();
    expect(page.data).toHaveLength(2);
    const rest = await (await api.deliveries(endpoint.id, `/?limit=2&cursor=${page.nextCursor}`)).json();
    expect(rest).toEqual({ data: [expect.objectContaining({ id: first.id })], nextCursor: null });

    await db
      .update(webhookDeliveries)
      .set({ status: "failed", attempts: 8, lastStatusCode: 500, nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, first.id));
    const failed = await (await api.deliveries(endpoint.id, "/?status=failed")).json();
    expect(failed.data.map((d: { id: string }) => d.id)).toEqual([first.id]);
    expect((await (await api.deliveries(endpoint.id, "/?status=succeeded")).json()).data).toEqual([]);

    const retried = await api.retry(first.id);
    expect(retried.status).toBe(200);
    const body = await retried.json();
    expect(body).toMatchObject({ status: "pending", attempts: 8 });
    expect(Date.parse(body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    expect((await (await api.deliveries(endpoint.id, "/?status=pending")).json()).data).toHaveLength(3);
    const audited = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, owner.tenantId), like(auditEvents.action, "webhook.%")));
    expect(audited.map((a) => a.action)).toContain("webhook.delivery_retried");
    expect(audited.filter((a) => a.action === "webhook.test_sent")).toHaveLength(3);
  });
});

describe("webhook access control", () => {
  it("anonymous callers get 401 on every route", async () => {
    const owner = await createAccount("whe-anon");
    const endpoint = await createTestEndpoint(owner);
    const delivery = await (await webhookRoutes(owner.accessToken).test(endpoint.id)).json();
    const anon = webhookRoutes(undefined);
    for (const res of [
      await anon.list(),
      await anon.create({ url: "https://a.example.com", eventTypes: ["key.created"] }),
      await anon.get(endpoint.id),
      await anon.patch(endpoint.id, { enabled: false }),
      await anon.remove(endpoint.id),
      await anon.rotate(endpoint.id),
      await anon.test(endpoint.id),
      await anon.deliveries(endpoint.id),
      await anon.retry(delivery.id),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    }
  });

  it("another tenant gets 404 for every route, and never sees the endpoint or its deliveries", async () => {
    const a = await createAccount("whe-iso-a");
    const b = await createAccount("whe-iso-b");
    const endpoint = await createTestEndpoint(a, { url: "https://secret-receiver.example.com/x" });
    const delivery = await (await webhookRoutes(a.accessToken).test(endpoint.id)).json();
    const other = webhookRoutes(b.accessToken);
    for (const res of [
      await other.get(endpoint.id),
      await other.patch(endpoint.id, { url: "https://attacker.example.com" }),
      await other.rotate(endpoint.id),
      await other.test(endpoint.id),
      await other.deliveries(endpoint.id),
      await other.retry(delivery.id),
      await other.remove(endpoint.id),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain("secret-receiver");
      expect(res.text).not.toContain("whsec_");
    }
    expect((await (await other.list()).json()).data).toEqual([]);
    const mine = await (await webhookRoutes(a.accessToken).get(endpoint.id)).json();
    expect(mine.url).toBe("https://secret-receiver.example.com/x");
    expect((await storedSecrets(endpoint.id)).previous).toBeNull();
  });

  it("a viewer reads but cannot write (403)", async () => {
    const owner = await createAccount("whe-viewer");
    const viewer = await joinAs(owner, "viewer");
    const endpoint = await createTestEndpoint(owner);
    const delivery = await (await webhookRoutes(owner.accessToken).test(endpoint.id)).json();
    const api = webhookRoutes(viewer.accessToken);
    expect((await api.get(endpoint.id)).status).toBe(200);
    expect((await api.list()).status).toBe(200);
    expect((await api.deliveries(endpoint.id)).status).toBe(200);
    for (const res of [
      await api.create({ url: "https://v.example.com", eventTypes: ["key.created"] }),
      await api.patch(endpoint.id, { enabled: false }),
      await api.rotate(endpoint.id),
      await api.test(endpoint.id),
      await api.retry(delivery.id),
      await api.remove(endpoint.id),
    ]) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
  });
});
