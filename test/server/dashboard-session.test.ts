import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSession, callServerAction, serverActionId, withViewer } from "./browser";
import { createRemoteTenant, type RemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";

// The dashboard's own reads (GET, browser session) and its writes (server actions), against the
// real production server: who gets what, with the cookie a real next-auth login sets.

const dataDir = mkdtempSync(path.join(tmpdir(), "keydesk-dash-"));
let server: RunningServer;
let owner: RemoteTenant;
let other: RemoteTenant;
let ownerCookie: string;
let viewerCookie: string;
let ownKeyId: string;
let foreignKeyId: string;
const viewerEmail = `viewer-${Date.now()}@example.com`;
const password = "correct horse battery";

beforeAll(async () => {
  server = await startServer({ dataDir });
  owner = await createRemoteTenant(server.url, "dash-owner");
  other = await createRemoteTenant(server.url, "dash-other");
  ownKeyId = (await owner.createKey({ name: "owned" })).id;
  foreignKeyId = (await other.createKey({ name: "someone else's" })).id;
  server = await withViewer(server, dataDir, { tenantId: owner.tenantId, email: viewerEmail, password });
  ownerCookie = await browserSession(server.url, owner.email, owner.password);
  viewerCookie = await browserSession(server.url, viewerEmail, password);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (route: string, cookie?: string) =>
  fetch(`${server.url}${route}`, { headers: cookie ? { cookie } : {} });

describe("GET routes for the dashboard (browser session)", () => {
  const routes = () => [
    "/api/dashboard/usage?range=1h",
    "/api/dashboard/keys",
    `/api/dashboard/keys/${ownKeyId}`,
    `/api/dashboard/keys/${ownKeyId}/verifications`,
    `/api/dashboard/keys/${ownKeyId}/verifications?format=csv`,
    "/api/dashboard/usage?range=24h&format=csv",
  ];

  it("answer an anonymous caller 401 in the error envelope", async () => {
    for (const route of routes()) {
      const res = await get(route);
      expect(res.status, route).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    }
    // An access token is not a browser session.
    const res = await fetch(`${server.url}/api/dashboard/keys`, {
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    expect(res.status).toBe(401);
  });

  it("serve the owner their own tenant's data, uncached", async () => {
    const list = await get("/api/dashboard/keys", ownerCookie);
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toContain("no-store");
    const body = await list.json();
    expect(body.data.map((row: { id: string }) => row.id)).toEqual([ownKeyId]);
    expect(JSON.stringify(body)).not.toMatch(/secretHash|ak_live_[0-9A-Za-z]{49}/);
    const key = await get(`/api/dashboard/keys/${ownKeyId}`, ownerCookie);
    expect((await key.json()).name).toBe("owned");
    const usage = await get(`/api/dashboard/usage?range=1h&keyId=${ownKeyId}`, ownerCookie);
    expect(usage.status).toBe(200);
    expect(await usage.json()).toMatchObject({ range: "1h", interval: "minute", topKeys: [] });
    const log = await get(`/api/dashboard/keys/${ownKeyId}/verifications`, ownerCookie);
    expect(await log.json()).toMatchObject({ data: [], nextCursor: null, sampled: false });
    const csv = await get(`/api/dashboard/usage?range=1h&keyId=${ownKeyId}&format=csv`, ownerCookie);
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="usage-key_\w+-[\d-]+-minute\.csv"$/,
    );
    expect(await csv.text()).toBe("bucket_start,interval,outcome,count\r\n");
  });

  it("answer another tenant's key id 404, as an unknown one", async () => {
    for (const route of [
      `/api/dashboard/keys/${foreignKeyId}`,
      `/api/dashboard/usage?range=24h&keyId=${foreignKeyId}`,
      `/api/dashboard/usage?range=24h&keyId=${foreignKeyId}&format=csv`,
      `/api/dashboard/keys/${foreignKeyId}/verifications`,
      `/api/dashboard/keys/${foreignKeyId}/verifications?format=csv`,
    ]) {
      const res = await get(route, ownerCookie);
      expect(res.status, route).toBe(404);
      expect((await res.json()).error.code).toBe("NOT_FOUND");
    }
    const unknown = await get("/api/dashboard/keys/key_000000000000000000000000", ownerCookie);
    expect(unknown.status).toBe(404);
  });

  it("let a viewer read", async () => {
    for (const route of routes()) expect((await get(route, viewerCookie)).status, route).toBe(200);
  });

  it("refuse bad input with 400 VALIDATION_ERROR", async () => {
    const res = await get("/api/dashboard/usage?range=1y", ownerCookie);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: "VALIDATION_ERROR",
      details: { fields: [{ path: "range" }] },
    });
  });
});

describe("server actions re-check the session and the role inside the action", () => {
  const create = () => serverActionId("app/(dashboard)/keys/actions.ts", "createKeyAction");
  const keyNames = async () =>
    ((await (await owner.manage("/api/tenants/me/api-keys")).json()).data as { name: string }[]).map(
      (k) => k.name,
    );

  it("a viewer's forced write is refused, and nothing is written", async () => {
    const forced = await callServerAction(
      server.url,
      "/keys",
      create(),
      [{ name: "forced by a viewer" }],
      viewerCookie,
    );
    expect(forced.status).toBe(200);
    expect(forced.text).toContain('"code":"FORBIDDEN"');
    expect(await keyNames()).not.toContain("forced by a viewer");
  });

  it("without a session the action answers UNAUTHORIZED", async () => {
    const anonymous = await callServerAction(server.url, "/keys", create(), [{ name: "anonymous" }]);
    expect(anonymous.text).toContain('"code":"UNAUTHORIZED"');
    expect(await keyNames()).not.toContain("anonymous");
  });

  it("the same call by the owner works (so the refusals above are the action's own)", async () => {
    const made = await callServerAction(
      server.url,
      "/keys",
      create(),
      [{ name: "made by the owner" }],
      ownerCookie,
    );
    expect(made.text).toContain('"ok":true');
    expect(await keyNames()).toContain("made by the owner");
    // The owner of another tenant cannot touch this tenant's key through an action either.
    const otherCookie = await browserSession(server.url, other.email, other.password);
    const revoke = serverActionId("app/(dashboard)/keys/actions.ts", "revokeKeyAction");
    const foreign = await callServerAction(
      server.url,
      `/keys/${ownKeyId}`,
      revoke,
      [ownKeyId, {}],
      otherCookie,
    );
    expect(foreign.text).toContain('"code":"NOT_FOUND"');
    const still = await (await owner.manage(`/api/tenants/me/api-keys/${ownKeyId}`)).json();
    expect(still.status).toBe("active");
  });
});

describe("members' server actions refuse what the members page hides", () => {
  const MEMBERS = "app/(dashboard)/settings/members/actions.ts";
  const members = async () =>
    (await (await owner.manage("/api/tenants/me/members")).json()).data as {
      userId: string;
      email: string;
      role: string;
    }[];

  it("a viewer can neither invite, promote themselves, remove the owner nor take ownership", async () => {
    const list = await members();
    const viewerId = list.find((m) => m.email === viewerEmail)!.userId;
    const ownerId = list.find((m) => m.role === "owner")!.userId;
    const attempts: [string, unknown[]][] = [
      ["inviteMemberAction", [{ email: "friend@example.com", role: "admin" }]],
      ["changeMemberRoleAction", [viewerId, { role: "owner" }]],
      ["removeMemberAction", [ownerId]],
      ["transferOwnershipAction", [viewerId]],
    ];
    for (const [name, args] of attempts) {
      const forced = await callServerAction(
        server.url,
        "/settings/members",
        serverActionId(MEMBERS, name),
        args,
        viewerCookie,
      );
      expect(forced.text, name).toContain('"code":"FORBIDDEN"');
    }
    const after = await members();
    expect(after.find((m) => m.userId === viewerId)?.role).toBe("viewer");
    expect(after.find((m) => m.userId === ownerId)?.role).toBe("owner");
    const invitations = await (await owner.manage("/api/tenants/me/invitations")).json();
    expect(invitations.data).toEqual([]);
  });

  it("another workspace's owner gets NOT_FOUND for this workspace's members", async () => {
    const viewerId = (await members()).find((m) => m.email === viewerEmail)!.userId;
    const otherCookie = await browserSession(server.url, other.email, other.password);
    const forced = await callServerAction(
      server.url,
      "/settings/members",
      serverActionId(MEMBERS, "removeMemberAction"),
      [viewerId],
      otherCookie,
    );
    expect(forced.text).toContain('"code":"NOT_FOUND"');
    expect((await members()).map((m) => m.userId)).toContain(viewerId);
  });
});
