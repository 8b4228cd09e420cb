import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSession, callServerAction, serverActionId, withViewer } from "./browser";
import { createRemoteTenant, type RemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";

// Settings → Webhooks' server actions and its delivery-log read, against the production server,
// called as the browser calls them: what the page hides from a viewer or another workspace, the
// server refuses too.

const ACTIONS = "app/(dashboard)/settings/webhooks/actions.ts";
const PAGE = "/settings/webhooks";
// .invalid never resolves: the server's own delivery worker cannot reach anything with these.
const URL_A = "https://a.hooks.invalid/keydesk";

const dataDir = mkdtempSync(path.join(tmpdir(), "keydesk-hooks-"));
let server: RunningServer;
let owner: RemoteTenant;
let other: RemoteTenant;
let ownerCookie: string;
let viewerCookie: string;
let otherCookie: string;
let endpointId: string;
let deliveryId: string;
const viewerEmail = `hooks-viewer-${Date.now()}@example.com`;
const password = "correct horse battery";

beforeAll(async () => {
  server = await startServer({ dataDir });
  owner = await createRemoteTenant(server.url, "hooks-owner");
  other = await createRemoteTenant(server.url, "hooks-other");
  const created = await owner.manage("/api/tenants/me/webhooks", {
    body: { url: URL_A, eventTypes: ["key.revoked"], description: "owned" },
  });
  endpointId = (await created.json()).id;
  deliveryId = (
    await (await owner.manage(`/api/tenants/me/webhooks/${endpointId}/test`, { method: "POST" })).json()
  ).id;
  server = await withViewer(server, dataDir, { tenantId: owner.tenantId, email: viewerEmail, password });
  ownerCookie = await browserSession(server.url, owner.email, owner.password);
  viewerCookie = await browserSession(server.url, viewerEmail, password);
  otherCookie = await browserSession(server.url, other.email, other.password);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (name: string, args: unknown[], cookie?: string) =>
  callServerAction(server.url, PAGE, serverActionId(ACTIONS, name), args, cookie);

const endpoint = async () => (await owner.manage(`/api/tenants/me/webhooks/${endpointId}`)).json();
const endpoints = async (tenant = owner) =>
  (await (await tenant.manage("/api/tenants/me/webhooks")).json()).data as { id: string; url: string }[];
const deliveryCount = async () =>
  ((await (await owner.manage(`/api/tenants/me/webhooks/${endpointId}/deliveries`)).json()).data as unknown[])
    .length;

/** Every write the page offers, aimed at the owner's endpoint and delivery. */
const writes = (): [string, unknown[]][] => [
  ["createWebhookAction", [{ url: "https://b.hooks.invalid/x", eventTypes: ["key.created"] }]],
  ["updateWebhookAction", [endpointId, { url: "https://c.hooks.invalid/x", enabled: false }]],
  ["deleteWebhookAction", [endpointId]],
  ["rotateWebhookSecretAction", [endpointId]],
  ["sendTestWebhookAction", [endpointId]],
  ["retryDeliveryAction", [deliveryId]],
];

describe("webhook server actions", () => {
  it("refuse a viewer every write, and nothing changes", async () => {
    const before = { endpoint: await endpoint(), deliveries: await deliveryCount() };
    for (const [name, args] of writes()) {
      const forced = await call(name, args, viewerCookie);
      expect(forced.status, name).toBe(200);
      expect(forced.text, name).toContain('"code":"FORBIDDEN"');
    }
    expect(await endpoint()).toEqual(before.endpoint);
    expect(await deliveryCount()).toBe(before.deliveries);
    expect((await endpoints()).map((e) => e.url)).toEqual([URL_A]);
  });

  it("answer an anonymous caller UNAUTHORIZED", async () => {
    for (const [name, args] of writes()) {
      expect((await call(name, args)).text, name).toContain('"code":"UNAUTHORIZED"');
    }
    expect((await endpoints()).map((e) => e.url)).toEqual([URL_A]);
  });

  it("answer another workspace's owner NOT_FOUND for this workspace's endpoint and delivery", async () => {
    const before = await endpoint();
    for (const [name, args] of writes().slice(1)) {
      const forced = await call(name, args, otherCookie);
      expect(forced.text, name).toContain('"code":"NOT_FOUND"');
    }
    expect(await endpoint()).toEqual(before);
    expect(await endpoints(other)).toEqual([]);
  });

  it("refuse bad input with the field named, and create nothing", async () => {
    const bad = await call("createWebhookAction", [{ url: "ftp://x.example", eventTypes: [] }], ownerCookie);
    expect(bad.text).toContain('"code":"VALIDATION_ERROR"');
    expect(bad.text).toContain('"url":"Give an http:// or https:// URL without credentials in it."');
    expect(bad.text).toContain('"eventTypes":"Subscribe to at least one event type."');
    const patch = await call("updateWebhookAction", [endpointId, { eventTypes: ["key.nope"] }], ownerCookie);
    expect(patch.text).toContain('"code":"VALIDATION_ERROR"');
    expect(patch.text).toContain('"eventTypes":');
    expect((await endpoints()).map((e) => e.url)).toEqual([URL_A]);
  });

  it("do the owner's writes (so the refusals above are the actions' own)", async () => {
    const made = await call(
      "createWebhookAction",
      [{ url: "https://d.hooks.invalid/x", eventTypes: ["key.created"] }],
      ownerCookie,
    );
    expect(made.text).toContain('"ok":true');
    expect(made.text).toMatch(/"secret":"whsec_[A-Za-z0-9+/=]+"/);
    const madeId = /"id":"(whe_\w+)"/.exec(made.text)?.[1];
    expect(madeId).toBeTruthy();
    const rotated = await call("rotateWebhookSecretAction", [madeId], ownerCookie);
    expect(rotated.text).toMatch(/"secret":"whsec_/);
    expect((await call("updateWebhookAction", [madeId, { enabled: false }], ownerCookie)).text).toContain(
      '"enabled":false',
    );
    expect((await call("sendTestWebhookAction", [madeId], ownerCookie)).text).toMatch(/"deliveryId":"whd_/);
    expect((await call("retryDeliveryAction", [deliveryId], ownerCookie)).text).toContain(
      '"status":"pending"',
    );
    expect((await call("deleteWebhookAction", [madeId], ownerCookie)).text).toContain('"ok":true');
    expect((await endpoints()).map((e) => e.url)).toEqual([URL_A]);
  });
});

describe("the pages", () => {
  const html = async (url: string, cookie: string) =>
    (await fetch(`${server.url}${url}`, { headers: { cookie } })).text();

  it("show a viewer the endpoint and its log without a control that writes", async () => {
    const list = await html(PAGE, viewerCookie);
    expect(list).toContain(URL_A);
    expect(list).toContain("Read-only access: an owner or admin can add endpoints.");
    expect(list).not.toContain("Add endpoint</button>");
    const detail = await html(`${PAGE}/${endpointId}`, viewerCookie);
    // The log's first page is in the server's HTML, before any polling.
    expect(detail).toContain('data-testid="delivery-row"');
    expect(detail).toContain("webhook.test");
    for (const control of ["Send test event", "Rotate secret", ">Edit<", ">Retry<"])
      expect(detail, control).not.toContain(control);
    const owners = await html(`${PAGE}/${endpointId}`, ownerCookie);
    expect(owners).toContain("Send test event");
    expect(owners).not.toMatch(/whsec_/);
  });

  it("answer another workspace's endpoint with the not-found page", async () => {
    // The dashboard streams (loading.tsx), so a not-found page still answers 200.
    const text = await html(`${PAGE}/${endpointId}`, otherCookie);
    expect(text).toContain("There is no webhook endpoint with this id in your workspace.");
    expect(text).not.toContain(URL_A);
    expect(text).not.toContain("Send test event");
  });
});

describe("GET /api/dashboard/webhooks/{id}/deliveries (browser session)", () => {
  const route = () => `/api/dashboard/webhooks/${endpointId}/deliveries`;
  const get = (url: string, cookie?: string) =>
    fetch(`${server.url}${url}`, { headers: cookie ? { cookie } : {} });

  it("serves the log to the owner and a viewer, uncached", async () => {
    for (const cookie of [ownerCookie, viewerCookie]) {
      const res = await get(route(), cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("no-store");
      const body = await res.json();
      expect(body.data.map((d: { id: string }) => d.id)).toContain(deliveryId);
      expect(body.data[0]).toMatchObject({ eventType: "webhook.test", endpointId });
    }
  });

  it("answers anonymous 401, another workspace 404, a bad filter 400 naming it", async () => {
    expect((await get(route())).status).toBe(401);
    const foreign = await get(route(), otherCookie);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("NOT_FOUND");
    const bad = await get(`${route()}?status=lost`, ownerCookie);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: "VALIDATION_ERROR",
      details: { fields: [{ path: "status" }] },
    });
  });
});
