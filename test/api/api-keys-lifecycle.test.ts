import { beforeAll, describe, expect, it } from "vitest";
import { POST as rotateKey } from "@/app/api/tenants/me/api-keys/[id]/rotate/route";
import {
  GET as getKey,
  PATCH as patchKey,
  DELETE as revokeKey,
} from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/tenants/me/api-keys/route";
import { GET as auditLog } from "@/app/api/tenants/me/audit-log/route";
import { createAccount, type TestAccount } from "../accounts";
import { makeOpensslKeys, type OpensslKeys } from "../es256";
import { call } from "../http";

let owner: TestAccount;
let pems: OpensslKeys;

beforeAll(async () => {
  owner = await createAccount("lifecycle");
  pems = makeOpensslKeys();
});

async function newKey(body: Record<string, unknown> = {}, account = owner) {
  const res = await call(createKey, { token: account.accessToken, body: { name: "Key", ...body } });
  expect(res.status).toBe(201);
  return res.json();
}

describe("GET /api/tenants/me/api-keys", () => {
  it("paginates newest first with a cursor and filters", async () => {
    const account = await createAccount("paging");
    const a = await newKey({ name: "a" }, account);
    const b = await newKey({ name: "b", environment: "test" }, account);
    const c = await newKey({ name: "c", type: "signed" }, account);
    const first = await (await call(listKeys, { token: account.accessToken, path: "/?limit=2" })).json();
    expect(first.data.map((k: { id: string }) => k.id)).toEqual([c.id, b.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (
      await call(listKeys, { token: account.accessToken, path: `/?limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.data.map((k: { id: string }) => k.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();

    const tests = await (
      await call(listKeys, { token: account.accessToken, path: "/?environment=test" })
    ).json();
    expect(tests.data.map((k: { id: string }) => k.id)).toEqual([b.id]);
    const signed = await (await call(listKeys, { token: account.accessToken, path: "/?type=signed" })).json();
    expect(signed.data.map((k: { id: string }) => k.id)).toEqual([c.id]);

    await call(revokeKey, { method: "DELETE", token: account.accessToken, params: { id: a.id } });
    const revoked = await (
      await call(listKeys, { token: account.accessToken, path: "/?status=revoked" })
    ).json();
    expect(revoked.data.map((k: { id: string }) => k.id)).toEqual([a.id]);
    const active = await (
      await call(listKeys, { token: account.accessToken, path: "/?status=active" })
    ).json();
    expect(active.data.map((k: { id: string }) => k.id)).toEqual([c.id, b.id]);
  });

  it("refuses bad filters and foreign cursors", async () => {
    for (const path of ["/?status=deleted", "/?limit=1000", "/?cursor=bm9wZQ", "/?sort=name"]) {
      const res = await call(listKeys, { token: owner.accessToken, path });
      expect(res.status, path).toBe(400);
    }
  });
});

describe("PATCH /api/tenants/me/api-keys/{id}", () => {
  it("edits settings and records who changed what", async () => {
    const key = await newKey({ scopes: ["customers:read"] });
    const res = await call(patchKey, {
      method: "PATCH",
      token: owner.accessToken,
      params: { id: key.id },
      body: {
        name: "Renamed",
        scopes: ["customers:read", "customers:write"],
        ipAllowlist: ["::ffff:10.1.2.3"],
        description: null,
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: "Renamed",
      scopes: ["customers:read", "customers:write"],
      ipAllowlist: ["10.1.2.3"],
    });
    const audit = await (
      await call(auditLog, { token: owner.accessToken, path: `/?targetId=${key.id}` })
    ).json();
    expect(audit.data[0]).toMatchObject({
      action: "api_key.updated",
      actor: { type: "token" },
      target: { type: "api_key", id: key.id },
    });
    expect([...audit.data[0].details.changed].sort()).toEqual([
      "description",
      "ipAllowlist",
      "name",
      "scopes",
    ]);
  });

  it("refuses to change what a signed key embeds, and any change to a revoked key", async () => {
    const signed = await newKey({ type: "signed" });
    const res = await call(patchKey, {
      method: "PATCH",
      token: owner.accessToken,
      params: { id: signed.id },
      body: { scopes: ["a:b"] },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/rotate/);
    const key = await newKey();
    await call(revokeKey, { method: "DELETE", token: owner.accessToken, params: { id: key.id } });
    const late = await call(patchKey, {
      method: "PATCH",
      token: owner.accessToken,
      params: { id: key.id },
      body: { name: "x" },
    });
    expect(late.status).toBe(409);
  });
});

describe("DELETE /api/tenants/me/api-keys/{id}", () => {
  it("revokes with a reason, keeps the key listed, and is idempotent", async () => {
    const key = await newKey();
    const res = await call(revokeKey, {
      method: "DELETE",
      token: owner.accessToken,
      params: { id: key.id },
      body: { reason: "compromised" },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: key.id, status: "revoked", revokedReason: "compromised" });
    expect(body.revokedAt).toEqual(expect.any(String));
    const again = await (
      await call(revokeKey, {
        method: "DELETE",
        token: owner.accessToken,
        params: { id: key.id },
        body: { reason: "other" },
      })
    ).json();
    expect(again).toMatchObject({ revokedReason: "compromised", revokedAt: body.revokedAt });
    expect(
      (await (await call(getKey, { token: owner.accessToken, params: { id: key.id } })).json()).status,
    ).toBe("revoked");
  });
});

describe("POST /api/tenants/me/api-keys/{id}/rotate", () => {
  it("issues a new key with the same settings; the old one expires after the grace period", async () => {
    const old = await newKey({
      name: "Billing",
      scopes: ["invoices:read"],
      ipAllowlist: ["10.0.0.0/8"],
      metadata: { a: 1 },
    });
    const before = Date.now();
    const res = await call(rotateKey, {
      token: owner.accessToken,
      params: { id: old.id },
      body: { gracePeriodSeconds: 3600 },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const fresh = await res.json();
    expect(fresh.key).toMatch(/^ak_live_/);
    expect(fresh.key).not.toBe(old.key);
    expect(fresh).toMatchObject({
      name: "Billing",
      scopes: ["invoices:read"],
      ipAllowlist: ["10.0.0.0/8"],
      metadata: { a: 1 },
      rotatedFromId: old.id,
      status: "active",
    });
    const oldNow = await (await call(getKey, { token: owner.accessToken, params: { id: old.id } })).json();
    expect(oldNow.status).toBe("active");
    const expiresAt = Date.parse(oldNow.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
  });

  it("with no grace the old key is expired at once, and cannot be rotated again", async () => {
    const old = await newKey();
    await call(rotateKey, {
      token: owner.accessToken,
      params: { id: old.id },
      body: { gracePeriodSeconds: 0 },
    });
    const oldNow = await (await call(getKey, { token: owner.accessToken, params: { id: old.id } })).json();
    expect(oldNow.status).toBe("expired");
    const again = await call(rotateKey, { token: owner.accessToken, params: { id: old.id }, body: {} });
    expect(again.status).toBe(409);
  });

  it("needs a new PEM for public keys", async () => {
    const old = await newKey({ type: "public_key", publicKey: pems.p256Public });
    expect(
      (await call(rotateKey, { token: owner.accessToken, params: { id: old.id }, body: {} })).status,
    ).toBe(400);
    const same = await call(rotateKey, {
      token: owner.accessToken,
      params: { id: old.id },
      body: { publicKey: pems.p256Public },
    });
    expect(same.status).toBe(400);
    const bad = await call(rotateKey, {
      token: owner.accessToken,
      params: { id: old.id },
      body: { publicKey: pems.rsaPublic },
    });
    expect((await bad.json()).error.code).toBe("INVALID_KEY_FORMAT");
    const ok = await call(rotateKey, {
      token: owner.accessToken,
      params: { id: old.id },
      body: { publicKey: pems.p256PublicOther },
    });
    expect(ok.status).toBe(201);
    const fresh = await ok.json();
    expect(fresh.key).toBeUndefined();
    expect(fresh.fingerprint).not.toBe(old.fingerprint);
  });

  it("refuses grace periods outside 0–7 days and revoked keys", async () => {
    const key = await newKey();
    for (const gracePeriodSeconds of [-1, 604_801, 1.5]) {
      expect(
        (
          await call(rotateKey, {
            token: owner.accessToken,
            params: { id: key.id },
            body: { gracePeriodSeconds },
          })
        ).status,
      ).toBe(400);
    }
    await call(revokeKey, { method: "DELETE", token: owner.accessToken, params: { id: key.id } });
    expect(
      (await call(rotateKey, { token: owner.accessToken, params: { id: key.id }, body: {} })).status,
    ).toBe(409);
  });
});

describe("GET /api/tenants/me/audit-log", () => {
  it("lists the tenant's events newest first with actor, target and IP", async () => {
    const account = await createAccount("audit");
    const key = await newKey({}, account);
    await call(revokeKey, {
      method: "DELETE",
      token: account.accessToken,
      params: { id: key.id },
      ip: "198.51.100.23",
    });
    const res = await call(auditLog, { token: account.accessToken, path: "/?limit=2" });
    const body = await res.json();
    expect(body.data.map((e: { action: string }) => e.action)).toEqual([
      "api_key.revoked",
      "api_key.created",
    ]);
    expect(body.data[0]).toMatchObject({
      ip: "198.51.100.23",
      actor: { type: "token" },
      target: { id: key.id },
    });
    expect(body.nextCursor).toEqual(expect.any(String));
    const rest = await (
      await call(auditLog, { token: account.accessToken, path: `/?cursor=${body.nextCursor}` })
    ).json();
    expect(rest.data.map((e: { action: string }) => e.action)).toEqual(["auth.login", "tenant.created"]);
  });
});
