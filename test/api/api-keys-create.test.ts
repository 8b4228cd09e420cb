import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/tenants/me/api-keys/route";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { activeSigningSecrets } from "@/lib/dal/signing-secrets";
import { parseSecretKey } from "@/lib/keys/secret-key";
import { verifySignedKey } from "@/lib/keys/signed-key";
import { createAccount, type TestAccount } from "../accounts";
import { makeOpensslKeys, type OpensslKeys } from "../es256";
import { call } from "../http";

let owner: TestAccount;
let pems: OpensslKeys;

beforeAll(async () => {
  owner = await createAccount("keys");
  pems = makeOpensslKeys();
});

const create = (body: unknown, token = owner.accessToken) => call(createKey, { token, body });

describe("POST /api/tenants/me/api-keys — secret keys", () => {
  it("returns the secret once, with a checksum, and stores only a hash", async () => {
    const res = await create({ name: "Production Key", scopes: ["customers:write", "customers:read"] });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.key).toMatch(/^ak_live_[0-9A-Za-z]{49}$/);
    expect(parseSecretKey(body.key)).toEqual({ environment: "live" });
    expect(body).toMatchObject({
      name: "Production Key",
      type: "secret",
      environment: "live",
      scopes: ["customers:read", "customers:write"],
      status: "active",
      fingerprint: null,
      expiresAt: null,
      rotatedFromId: null,
    });
    expect(body.id).toMatch(/^key_[0-9A-Za-z]{24}$/);
    expect(body.prefix).toBe(`${body.key.slice(0, 12)}…${body.key.slice(-4)}`);
    expect(Object.keys(body)).not.toContain("secretHash");

    const db = await getDb();
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, body.id));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(body.key);

    for (const res2 of [
      await call(getKey, { token: owner.accessToken, params: { id: body.id } }),
      await call(listKeys, { token: owner.accessToken }),
    ]) {
      expect(res2.status).toBe(200);
      expect(res2.text).not.toContain(body.key);
      expect(res2.text).not.toContain(row!.secretHash!);
    }
  });

  it("makes test keys and keeps every setting", async () => {
    const res = await create({
      name: "CI",
      description: "pipeline",
      environment: "test",
      scopes: ["read:assets"],
      ipAllowlist: ["10.0.0.0/8", "2001:db8::/32", "198.51.100.50"],
      expiresAt: "2099-06-30T23:59:59Z",
      metadata: { team: "platform", tier: 2 },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.key).toMatch(/^ak_test_/);
    expect(body).toMatchObject({
      description: "pipeline",
      environment: "test",
      ipAllowlist: ["10.0.0.0/8", "2001:db8::/32", "198.51.100.50"],
      expiresAt: "2099-06-30T23:59:59.000Z",
      metadata: { team: "platform", tier: 2 },
    });
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x", scopes: ["Customers:Write"] }, "scopes.0"],
    [{ name: "x", ipAllowlist: ["10.0.0.300"] }, "ipAllowlist.0"],
    [{ name: "x", ipAllowlist: ["10.0.0.1/8"] }, "ipAllowlist.0"],
    [{ name: "x", expiresAt: "2001-01-01T00:00:00Z" }, "expiresAt"],
    [{ name: "x", expiresAt: "tomorrow" }, "expiresAt"],
    [{ name: "x", metadata: { blob: "x".repeat(5000) } }, "metadata"],
    [{ name: "x", environment: "prod" }, "environment"],
    [{ name: "x", type: "hmac" }, "type"],
    [{ name: "x", tenantId: "ten_other" }, ""],
    [{ name: "x", publicKey: "-----BEGIN PUBLIC KEY-----" }, "publicKey"],
  ])("refuses %j with 400 naming %s", async (body, path) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });
});

describe("POST /api/tenants/me/api-keys — public keys", () => {
  it("accepts an openssl P-256 public.pem (CRLF too) and stores its thumbprint", async () => {
    const res = await create({
      name: "Signer",
      type: "public_key",
      publicKey: pems.p256Public.replace(/\n/g, "\r\n"),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.key).toBeUndefined();
    expect(body.prefix).toBeNull();
    expect(body.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ["p384Public", /P-384|secp384r1/],
    ["rsaPublic", /RSA/],
    ["p256Private", /private key/],
    ["certificate", /certificate/i],
  ] as const)("refuses %s with INVALID_KEY_FORMAT saying what is wrong", async (which, message) => {
    const res = await create({ name: "Bad", type: "public_key", publicKey: pems[which] });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("INVALID_KEY_FORMAT");
    expect(error.message).toMatch(message);
    expect(res.text).not.toContain(pems[which].split("\n")[1]);
  });

  it("refuses garbage and a PEM without its header", async () => {
    for (const publicKey of ["hello", pems.p256Public.split("\n").slice(1, -2).join("\n")]) {
      const res = await create({ name: "Bad", type: "public_key", publicKey });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("INVALID_KEY_FORMAT");
    }
  });

  it("needs the PEM", async () => {
    const res = await create({ name: "No PEM", type: "public_key" });
    expect(res.status).toBe(400);
  });

  it("writes no audit event when creation fails", async () => {
    const account = await createAccount("noaudit");
    await create({ name: "Bad", type: "public_key", publicKey: pems.rsaPublic }, account.accessToken);
    const db = await getDb();
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, account.tenantId), eq(auditEvents.action, "api_key.created")));
    expect(events).toHaveLength(0);
  });
});

describe("POST /api/tenants/me/api-keys — signed keys", () => {
  it("issues an akv1_ key that verifies offline with the tenant's signing secret", async () => {
    const res = await create({
      name: "Offline",
      type: "signed",
      environment: "test",
      scopes: ["plans:read"],
      metadata: { plan: "pro" },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.key).toMatch(/^akv1_test_[0-9A-Za-z]+\.[0-9A-Za-z]{43}$/);
    expect(body.prefix).toMatch(/^akv1_test_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$/);
    const secrets = await activeSigningSecrets(await getDb(), owner.tenantId);
    const verified = verifySignedKey(body.key, secrets);
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.payload).toMatchObject({
        tenantId: owner.tenantId,
        keyId: body.id,
        scopes: ["plans:read"],
        metadata: { plan: "pro" },
      });
    }
  });
});
