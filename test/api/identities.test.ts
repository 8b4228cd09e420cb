import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as rotateKey } from "@/app/api/tenants/me/api-keys/[id]/rotate/route";
import { PATCH as patchKey, DELETE as revokeKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as createKey } from "@/app/api/tenants/me/api-keys/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { getVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount } from "../accounts";
import { call } from "../http";
import { createTestIdentity, identityRoutes } from "../identities";
import { joinAs } from "../teams";
import { createTestKey } from "../verification";

const limits = [{ name: "requests", limit: 10, durationMs: 60_000, autoApply: true }];

describe("identities REST", () => {
  it("creates, reads, lists (filtered, paginated), updates and deletes, each change audited", async () => {
    const owner = await createAccount("idn-crud");
    const api = identityRoutes(owner.accessToken);
    const created = await api.create({ externalId: "acme", metadata: { plan: "pro" }, ratelimits: limits });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({
      externalId: "acme",
      metadata: { plan: "pro" },
      ratelimits: limits,
      keyCount: 0,
    });
    expect(body.id).toMatch(/^idn_[0-9A-Za-z]{24}$/);
    await createTestIdentity(owner, { externalId: "globex" });

    expect((await (await api.get(body.id)).json()).externalId).toBe("acme");
    const page = await (await api.list("/?limit=1")).json();
    expect(page.data.map((i: { externalId: string }) => i.externalId)).toEqual(["globex"]);
    const next = await (await api.list(`/?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next).toEqual({ data: [expect.objectContaining({ externalId: "acme" })], nextCursor: null });
    const filtered = await (await api.list("/?externalId=acme")).json();
    expect(filtered.data.map((i: { id: string }) => i.id)).toEqual([body.id]);

    const patched = await api.patch(body.id, { metadata: { plan: "enterprise" }, ratelimits: [] });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ metadata: { plan: "enterprise" }, ratelimits: [] });

    expect((await api.remove(body.id)).status).toBe(200);
    expect((await api.get(body.id)).status).toBe(404);
    const db = await getDb();
    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, owner.tenantId), like(auditEvents.action, "identity.%")));
    expect(events.map((e) => e.action).sort()).toEqual([
      "identity.created",
      "identity.created",
      "identity.deleted",
      "identity.updated",
    ]);
  });

  it("refuses a duplicate externalId with 409, on create and on rename", async () => {
    const owner = await createAccount("idn-dup");
    const api = identityRoutes(owner.accessToken);
    await createTestIdentity(owner, { externalId: "same" });
    const other = await createTestIdentity(owner, { externalId: "other" });
    const dup = await api.create({ externalId: "same" });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("same"),
    });
    expect((await api.patch(other.id, { externalId: "same" })).status).toBe(409);
    // Another workspace may use the same external id.
    expect(
      (await identityRoutes((await createAccount("idn-dup-b")).accessToken).create({ externalId: "same" }))
        .status,
    ).toBe(201);
  });

  it("answers 400 with field errors for bad input", async () => {
    const owner = await createAccount("idn-bad");
    const api = identityRoutes(owner.accessToken);
    const cases: [unknown, string][] = [
      [{}, "externalId"],
      [{ externalId: "" }, "externalId"],
      [{ externalId: "x".repeat(257) }, "externalId"],
      [{ externalId: "tab\there" }, "externalId"],
      [{ externalId: " padded" }, "externalId"],
      [{ externalId: "a", metadata: [] }, "metadata"],
      [{ externalId: "a", metadata: { big: "x".repeat(5000) } }, "metadata"],
      [{ externalId: "a", ratelimits: [{ name: "r", limit: 0, durationMs: 60_000 }] }, "ratelimits.0.limit"],
      [
        { externalId: "a", ratelimits: [{ name: "r", limit: 1, durationMs: 999 }] },
        "ratelimits.0.durationMs",
      ],
      [
        { externalId: "a", ratelimits: [{ name: "r", limit: 1, durationMs: 86_400_001 }] },
        "ratelimits.0.durationMs",
      ],
      [
        { externalId: "a", ratelimits: [{ name: "bad name", limit: 1, durationMs: 1000 }] },
        "ratelimits.0.name",
      ],
      [{ externalId: "a", ratelimits: [limits[0], limits[0]] }, "ratelimits.1.name"],
      [
        {
          externalId: "a",
          ratelimits: Array.from({ length: 21 }, (_, i) => ({ name: `r${i}`, limit: 1, durationMs: 1000 })),
        },
        "ratelimits",
      ],
      [{ externalId: "a", extra: 1 }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await api.create(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = (await res.json()).error;
      expect(error.code).toBe("VALIDATION_ERROR");
      if (path) expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const one = await createTestIdentity(owner);
    expect((await api.patch(one.id, {})).status).toBe(400);
    expect((await api.usage(one.id, "/?interval=week")).status).toBe(400);
  });

  it("anonymous callers get 401 on every route", async () => {
    const owner = await createAccount("idn-anon");
    const one = await createTestIdentity(owner);
    const anon = identityRoutes(undefined);
    for (const res of [
      await anon.list(),
      await anon.create({ externalId: "x" }),
      await anon.get(one.id),
      await anon.patch(one.id, { metadata: {} }),
      await anon.remove(one.id),
      await anon.usage(one.id),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    }
  });

  it("another tenant gets 404 for every route, and never sees the identity in its list", async () => {
    const a = await createAccount("idn-iso-a");
    const b = await createAccount("idn-iso-b");
    const one = await createTestIdentity(a, { externalId: "secret-customer" });
    const other = identityRoutes(b.accessToken);
    for (const res of [
      await other.get(one.id),
      await other.patch(one.id, { metadata: { hijacked: true } }),
      await other.remove(one.id),
      await other.usage(one.id),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain("secret-customer");
    }
    expect((await (await other.list("/?externalId=secret-customer")).json()).data).toEqual([]);
    expect((await (await identityRoutes(a.accessToken).get(one.id)).json()).metadata).toEqual({});
  });

  it("a viewer reads but cannot write (403)", async () => {
    const owner = await createAccount("idn-viewer");
    const viewer = await joinAs(owner, "viewer");
    const one = await createTestIdentity(owner);
    const api = identityRoutes(viewer.accessToken);
    expect((await api.get(one.id)).status).toBe(200);
    expect((await api.list()).status).toBe(200);
    expect((await api.usage(one.id)).status).toBe(200);
    for (const res of [
      await api.create({ externalId: "v" }),
      await api.patch(one.id, { metadata: {} }),
      await api.remove(one.id),
    ]) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
  });
});

describe("keys linked to identities", () => {
  it("links by identityId or externalId (created if new), shows it on the key, unlinks with null", async () => {
    const owner = await createAccount("idn-link");
    const one = await createTestIdentity(owner, { externalId: "acme" });
    const byId = await createTestKey(owner, { identityId: one.id });
    expect(byId.identity).toEqual({ id: one.id, externalId: "acme" });
    const byExternal = await createTestKey(owner, { externalId: "acme" });
    expect(byExternal.identity).toEqual({ id: one.id, externalId: "acme" });
    const fresh = await createTestKey(owner, { externalId: "new-customer", ratelimits: limits });
    expect(fresh.identity).toMatchObject({ externalId: "new-customer" });
    expect(fresh.ratelimits).toEqual(limits);
    const api = identityRoutes(owner.accessToken);
    expect((await (await api.get(one.id)).json()).keyCount).toBe(2);

    const unlink = await call(patchKey, {
      method: "PATCH",
      token: owner.accessToken,
      params: { id: byId.id },
      body: { identityId: null },
    });
    expect(unlink.status).toBe(200);
    expect((await unlink.json()).identity).toBeNull();
    const rotated = await call(rotateKey, {
      token: owner.accessToken,
      params: { id: fresh.id },
      body: { gracePeriodSeconds: 0 },
    });
    expect(await rotated.json()).toMatchObject({ identity: fresh.identity, ratelimits: limits });
    const both = await call(createKey, {
      token: owner.accessToken,
      body: { name: "k", identityId: one.id, externalId: "acme" },
    });
    expect(both.status).toBe(400);
  });

  it("cannot link a key to another tenant's identity, nor another tenant's key to one's own", async () => {
    const a = await createAccount("idn-cross-a");
    const b = await createAccount("idn-cross-b");
    const theirs = await createTestIdentity(a);
    const mine = await createTestIdentity(b);
    const res = await call(createKey, { token: b.accessToken, body: { name: "k", identityId: theirs.id } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0].path).toBe("identityId");
    const theirKey = await createTestKey(a);
    const patch = await call(patchKey, {
      method: "PATCH",
      token: b.accessToken,
      params: { id: theirKey.id },
      body: { identityId: mine.id },
    });
    expect(patch.status).toBe(404);
    const myKey = await createTestKey(b);
    const linkToTheirs = await call(patchKey, {
      method: "PATCH",
      token: b.accessToken,
      params: { id: myKey.id },
      body: { identityId: theirs.id },
    });
    expect(linkToTheirs.status).toBe(400);
    // externalId resolves in the caller's own workspace only: a new identity there, not theirs.
    const byExternal = await createTestKey(b, { externalId: theirs.externalId });
    expect(byExternal.identity).not.toMatchObject({ id: theirs.id });
  });

  it("refuses to delete an identity with live keys (409); revoked keys are unlinked instead", async () => {
    const owner = await createAccount("idn-delete");
    const one = await createTestIdentity(owner);
    const key = await createTestKey(owner, { identityId: one.id });
    const api = identityRoutes(owner.accessToken);
    const refused = await api.remove(one.id);
    expect(refused.status).toBe(409);
    const error = (await refused.json()).error;
    expect(error.code).toBe("IDENTITY_HAS_KEYS");
    expect(error.message).toContain(key.id);
    await call(revokeKey, { method: "DELETE", token: owner.accessToken, params: { id: key.id } });
    expect((await api.remove(one.id)).status).toBe(200);
  });

  it("sums the usage of the identity's keys only, from the rollups", async () => {
    const owner = await createAccount("idn-usage");
    const one = await createTestIdentity(owner);
    const k1 = await createTestKey(owner, { identityId: one.id, scopes: ["x:read"] });
    const k2 = await createTestKey(owner, { identityId: one.id });
    const outsider = await createTestKey(owner);
    for (const key of [k1, k1, k2, outsider]) await call(verify, { body: { key: key.key } });
    await call(verify, { body: { key: k1.key, scopes: ["x:write"] } });
    await getVerifier().usage.flush();
    const res = await identityRoutes(owner.accessToken).usage(one.id, "/?interval=minute");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ identityId: one.id, interval: "minute" });
    expect(body.totals).toEqual({ VALID: 3, INSUFFICIENT_SCOPE: 1 });
    expect(body.series.length).toBeGreaterThan(60);
  });
});
