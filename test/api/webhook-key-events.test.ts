import { generateKeyPairSync, sign } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as rotateKey } from "@/app/api/tenants/me/api-keys/[id]/rotate/route";
import { PATCH as patchKey, DELETE as revokeKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as leaks } from "@/app/api/v1/leaks/route";
import { getDb } from "@/db/client";
import { apiKeys, webhookDeliveries, webhookEvents } from "@/db/schema";
import { revokeKeyInTx } from "@/lib/dal/api-keys/revoke-api-key";
import { overrideEnvForTests } from "@/lib/env";
import { WEBHOOK_EVENT_TYPES } from "@/lib/schemas/webhooks";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";
import { createTestEndpoint } from "../webhooks";

const github = generateKeyPairSync("ec", { namedCurve: "P-256" });
const KEY_ID = "github-webhook-test-key";
const KEY_TYPES = WEBHOOK_EVENT_TYPES.filter((type) => type.startsWith("key."));

beforeAll(() => {
  overrideEnvForTests({
    leakAlertPublicKeys: { [KEY_ID]: github.publicKey.export({ type: "spki", format: "pem" }).toString() },
  });
});

function reportLeak(body: unknown) {
  const raw = JSON.stringify(body);
  const signature = sign("sha256", Buffer.from(raw), { key: github.privateKey, dsaEncoding: "der" });
  return call(leaks, {
    method: "POST",
    rawBody: raw,
    headers: {
      "content-type": "application/json",
      "github-public-key-identifier": KEY_ID,
      "github-public-key-signature": signature.toString("base64"),
    },
  });
}

/** The tenant's outbox, oldest first, with the endpoints each event is queued for. */
async function outbox(account: TestAccount) {
  const db = await getDb();
  const events = await db
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.tenantId, account.tenantId))
    .orderBy(asc(webhookEvents.createdAt), asc(webhookEvents.id));
  const deliveries = await db
    .select({ eventId: webhookDeliveries.eventId, endpointId: webhookDeliveries.endpointId })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.tenantId, account.tenantId));
  return events.map((event) => ({
    ...event,
    endpoints: deliveries
      .filter((d) => d.eventId === event.id)
      .map((d) => d.endpointId)
      .sort(),
  }));
}

describe("key events in the webhook outbox", () => {
  it("queues key.created, key.updated, key.rotated and key.revoked with the key's DTO, never a secret", async () => {
    const owner = await createAccount("whk-life");
    const all = await createTestEndpoint(owner, { eventTypes: KEY_TYPES });
    const revokedOnly = await createTestEndpoint(owner, { eventTypes: ["key.revoked"] });
    await createTestEndpoint(owner, { eventTypes: KEY_TYPES, enabled: false });
    await createTestEndpoint(await createAccount("whk-life-other"), { eventTypes: KEY_TYPES });

    const key = await createTestKey(owner, { name: "billing" });
    const auth = { token: owner.accessToken, params: { id: key.id } };
    expect((await call(patchKey, { ...auth, method: "PATCH", body: { name: "billing-2" } })).status).toBe(
      200,
    );
    const rotated = await call(rotateKey, { ...auth, body: { gracePeriodSeconds: 60 } });
    expect(rotated.status).toBe(201);
    const fresh = await rotated.json();
    const revoked = await call(revokeKey, {
      token: owner.accessToken,
      method: "DELETE",
      params: { id: fresh.id },
      body: { reason: "customer churned" },
    });
    expect(revoked.status).toBe(200);

    const events = await outbox(owner);
    expect(events.map((e) => e.type)).toEqual(["key.created", "key.updated", "key.rotated", "key.revoked"]);
    for (const event of events) {
      expect(event.id).toMatch(/^msg_[0-9A-Za-z]{24}$/);
      expect(event.payload).toMatchObject({ id: event.id, type: event.type, tenantId: owner.tenantId });
      expect(Date.parse(event.payload.timestamp as string)).not.toBeNaN();
      const text = JSON.stringify(event.payload);
      for (const secret of [key.key, fresh.key]) expect(text).not.toContain(secret.slice(-20));
      expect(text).not.toMatch(/secretHash|"secret":/);
      expect(event.endpoints).toEqual(
        event.type === "key.revoked" ? [all.id, revokedOnly.id].sort() : [all.id],
      );
    }
    const [created, updated, rotation, revocation] = events.map(
      (e) => e.payload.data as { key: Record<string, unknown> },
    );
    expect(created!.key).toMatchObject({ id: key.id, name: "billing", status: "active" });
    expect(updated).toMatchObject({ key: { id: key.id, name: "billing-2" }, changed: ["name"] });
    expect(rotation).toMatchObject({ key: { id: key.id }, newKey: { id: fresh.id, rotatedFromId: key.id } });
    expect(rotation!.key.expiresAt).not.toBeNull();
    expect(revocation).toMatchObject({
      key: { id: fresh.id, status: "revoked", revokedReason: "customer churned" },
      reason: "customer churned",
    });
  });

  it("queues key.leaked with the URL GitHub reported, and key.revoked with reason leaked", async () => {
    const owner = await createAccount("whk-leak");
    const endpoint = await createTestEndpoint(owner, { eventTypes: ["key.leaked", "key.revoked"] });
    const key = await createTestKey(owner);
    const url = "https://github.com/acme/app/blob/main/.env";
    const res = await reportLeak([{ token: key.key, type: "keydesk_secret_key", url, source: "content" }]);
    expect(await res.json()).toMatchObject({ revoked: 1 });
    // One transaction: both events have its timestamp, so their order is by type here.
    const events = (await outbox(owner)).sort((a, b) => a.type.localeCompare(b.type));
    expect(events.map((e) => [e.type, e.endpoints])).toEqual([
      ["key.leaked", [endpoint.id]],
      ["key.revoked", [endpoint.id]],
    ]);
    expect(events[0]!.payload.data).toMatchObject({
      key: { id: key.id, status: "revoked", revokedReason: "leaked" },
      leak: { url, source: "content" },
    });
    expect(events[1]!.payload.data).toMatchObject({ reason: "leaked" });
    expect(JSON.stringify(events)).not.toContain(key.key);
  });

  it("writes no event when the change rolls back", async () => {
    const owner = await createAccount("whk-rollback");
    await createTestEndpoint(owner, { eventTypes: ["key.revoked"] });
    const key = await createTestKey(owner);
    const db = await getDb();
    const scope = { tenantId: owner.tenantId, actor: { type: "system" } as const, ip: null };
    await expect(
      db.transaction(async (tx) => {
        expect(await revokeKeyInTx(tx, scope, key.id, "test")).toBe(true);
        expect(
          (await tx.select().from(webhookEvents).where(eq(webhookEvents.tenantId, owner.tenantId))).length,
        ).toBe(1);
        throw new Error("the change fails after the event was written");
      }),
    ).rejects.toThrow("the change fails");
    expect(await outbox(owner)).toEqual([]);
    const [row] = await db
      .select({ revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, owner.tenantId), eq(apiKeys.id, key.id)));
    expect(row!.revokedAt).toBeNull();
  });

  it("stores nothing for a tenant without a subscribed endpoint", async () => {
    const owner = await createAccount("whk-none");
    await createTestEndpoint(owner, { eventTypes: ["key.leaked"] });
    await createTestKey(owner);
    expect(await outbox(owner)).toEqual([]);
  });
});
