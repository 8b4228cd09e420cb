import { randomBytes } from "node:crypto";
import { newP256KeyPair, signEs256 } from "../test/es256";
import { expect, registerTenant, test } from "./fixtures";

/**
 * The verification API against the production server, where server.ts serves /api/v1/whoami and
 * /api/v1/verify from the socket (SPEC §7) and stamps the TCP peer as the client address.
 */
test("secret keys: whoami, verify, allowlist against the real peer address, revocation", async ({
  request,
}) => {
  const token = await (await registerTenant(request, "api")).accessToken();
  const auth = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/tenants/me/api-keys", {
    headers: auth,
    data: { name: "e2e", scopes: ["orders:read"] },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["cache-control"]).toBe("no-store");
  const key = await created.json();

  const whoami = await request.get("/api/v1/whoami", { headers: { "X-API-Key": key.key } });
  expect(whoami.status()).toBe(200);
  expect(await whoami.json()).toMatchObject({ keyId: key.id, type: "secret", scopes: ["orders:read"] });
  expect(whoami.headers()["ratelimit-limit"]).toBe("100");

  const verify = await request.post("/api/v1/verify", { data: { key: key.key, scopes: ["orders:write"] } });
  expect(await verify.json()).toMatchObject({
    valid: false,
    code: "INSUFFICIENT_SCOPE",
    message: "Insufficient permissions. Required: orders:write",
  });

  const restricted = await (
    await request.post("/api/tenants/me/api-keys", {
      headers: auth,
      data: { name: "office only", ipAllowlist: ["10.0.0.0/8"] },
    })
  ).json();
  const forged = await request.get("/api/v1/whoami", {
    headers: { "X-API-Key": restricted.key, "X-Forwarded-For": "10.0.0.1" },
  });
  expect(forged.status()).toBe(403);
  const body = await forged.json();
  expect(body.error.code).toBe("IP_NOT_ALLOWED");
  expect(["127.0.0.1", "::1"]).toContain(body.error.details.clientIp);

  expect((await request.delete(`/api/tenants/me/api-keys/${key.id}`, { headers: auth })).status()).toBe(200);
  await expect
    .poll(async () => (await request.get("/api/v1/whoami", { headers: { "X-API-Key": key.key } })).status(), {
      timeout: 1000,
    })
    .toBe(401);

  const inQuery = await request.get(`/api/v1/whoami?api_key=${key.key}`);
  expect(inQuery.status()).toBe(400);
  expect(await inQuery.text()).not.toContain(key.key);
});

test("ES256 JWTs signed by the customer's own key", async ({ request }) => {
  const token = await (await registerTenant(request, "api")).accessToken();
  const pair = newP256KeyPair();
  const publicKey = pair.publicPem;
  const created = await request.post("/api/tenants/me/api-keys", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "signer", type: "public_key", publicKey },
  });
  const { id } = await created.json();
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: id, iat: now, exp: now + 300, jti: randomBytes(8).toString("hex") };
  const jwt = signEs256({ alg: "ES256", typ: "JWT" }, claims, pair.privateKey);

  const first = await request.get("/api/v1/whoami", { headers: { Authorization: `Bearer ${jwt}` } });
  expect(first.status()).toBe(200);
  expect((await first.json()).keyId).toBe(id);
  const replay = await request.get("/api/v1/whoami", { headers: { Authorization: `Bearer ${jwt}` } });
  expect(replay.status()).toBe(401);
  expect((await replay.json()).error.code).toBe("TOKEN_REPLAYED");
  expect(
    (await request.get("/api/v1/whoami", { headers: { Authorization: `Bearer ${token}` } })).status(),
  ).toBe(401);
});

test("the OpenAPI document is served", async ({ request }) => {
  const res = await request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/verify");
});
