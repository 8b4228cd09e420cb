import { beforeAll, describe, expect, it } from "vitest";
import { POST as rotateKey } from "@/app/api/tenants/me/api-keys/[id]/rotate/route";
import { PATCH as patchKey, DELETE as revokeKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { PATCH as patchTenant } from "@/app/api/tenants/me/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { secretKeyChecksum } from "@/lib/keys/secret-key";
import { createAccount, type TestAccount } from "../accounts";
import { within } from "../eventually";
import { call } from "../http";
import { createTestKey } from "../verification";

let owner: TestAccount;
let key: { id: string; key: string };

beforeAll(async () => {
  owner = await createAccount("verify");
  key = await createTestKey(owner, { scopes: ["customers:read"], metadata: { plan: "pro" } });
});

describe("GET /api/v1/whoami with secret keys", () => {
  it("identifies a key sent as X-API-Key or as a Bearer token", async () => {
    const variants: Record<string, string>[] = [
      { "x-api-key": key.key },
      { authorization: `Bearer ${key.key}` },
    ];
    for (const headers of variants) {
      const res = await call(whoami, { headers });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        keyId: key.id,
        tenantId: owner.tenantId,
        name: "Consumer key",
        type: "secret",
        environment: "live",
        scopes: ["customers:read"],
        expiresAt: null,
        // Issue 12: a key without credits is unlimited.
        credits: null,
        identity: null,
      });
      expect(res.headers.get("ratelimit-limit")).toBe("100");
      expect(Number(res.headers.get("ratelimit-remaining"))).toBeLessThan(100);
    }
  });

  it("MISSING_CREDENTIALS (401, WWW-Authenticate) without a credential", async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: "Basic dXNlcjpwYXNz" },
      { "x-api-key": "   " },
    ];
    for (const headers of variants) {
      const res = await call(whoami, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await res.json()).error.code).toBe("MISSING_CREDENTIALS");
    }
  });

  it("INVALID_API_KEY for a typo, a forged checksum, an unknown key and garbage — never echoing it", async () => {
    const typo = `${key.key.slice(0, 20)}${key.key[20] === "a" ? "b" : "a"}${key.key.slice(21)}`;
    const body = `ak_live_${"Z".repeat(43)}`;
    const unknownButWellFormed = body + secretKeyChecksum(body);
    for (const candidate of [typo, unknownButWellFormed, "ak_live_short", "hello", `${key.key}x`]) {
      const res = await call(whoami, { headers: { "x-api-key": candidate } });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_API_KEY");
      expect(res.text).not.toContain(candidate);
    }
  });

  it("refuses a key in the query string (400)", async () => {
    const res = await call(whoami, { path: `/api/v1/whoami?api_key=${key.key}` });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("KEY_IN_QUERY");
    expect(res.text).not.toContain(key.key);
  });

  it("refuses a management access token (401)", async () => {
    const res = await call(whoami, { token: owner.accessToken });
    expect(res.status).toBe(401);
    expect(["INVALID_TOKEN", "INVALID_API_KEY"]).toContain((await res.json()).error.code);
  });

  it("a revoked key stops working at once, though it was cached", async () => {
    const victim = await createTestKey(owner);
    expect((await call(whoami, { headers: { "x-api-key": victim.key } })).status).toBe(200);
    await call(revokeKey, { method: "DELETE", token: owner.accessToken, params: { id: victim.id } });
    const status = await within(
      1000,
      async () => (await call(whoami, { headers: { "x-api-key": victim.key } })).status,
      401,
    );
    expect(status).toBe(401);
  });

  it("API_KEY_EXPIRED with details.expiredAt once past expiry (rotation without grace)", async () => {
    const old = await createTestKey(owner);
    await call(rotateKey, {
      token: owner.accessToken,
      params: { id: old.id },
      body: { gracePeriodSeconds: 0 },
    });
    const res = await call(whoami, { headers: { "x-api-key": old.key } });
    expect(res.status).toBe(401);
    const { error } = await res.json();
    expect(error.code).toBe("API_KEY_EXPIRED");
    expect(Date.parse(error.details.expiredAt)).toBeLessThanOrEqual(Date.now());
  });
});

describe("IP allowlists", () => {
  let restricted: { id: string; key: string };
  beforeAll(async () => {
    restricted = await createTestKey(owner, { ipAllowlist: ["10.0.0.0/8", "2001:db8:aa::/48"] });
  });

  it("allows addresses inside, IPv4-mapped IPv6 included", async () => {
    for (const ip of ["10.1.2.3", "::ffff:10.9.9.9", "2001:db8:aa::1"]) {
      expect((await call(whoami, { headers: { "x-api-key": restricted.key }, ip })).status, ip).toBe(200);
    }
  });

  it("IP_NOT_ALLOWED (403, details.clientIp) outside, whatever X-Forwarded-For says", async () => {
    const res = await call(whoami, {
      headers: { "x-api-key": restricted.key, "x-forwarded-for": "10.0.0.1", "x-real-ip": "10.0.0.1" },
      ip: "203.0.113.9",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({
      code: "IP_NOT_ALLOWED",
      details: { clientIp: "203.0.113.9" },
    });
    expect(
      (await call(whoami, { headers: { "x-api-key": restricted.key }, ip: "2001:db8:ab::1" })).status,
    ).toBe(403);
  });

  it("an edited allowlist applies at once", async () => {
    const k = await createTestKey(owner);
    expect((await call(whoami, { headers: { "x-api-key": k.key }, ip: "198.51.100.1" })).status).toBe(200);
    await call(patchKey, {
      method: "PATCH",
      token: owner.accessToken,
      params: { id: k.id },
      body: { ipAllowlist: ["192.0.2.0/24"] },
    });
    const deadline = Date.now() + 1000;
    let status = 200;
    while (Date.now() < deadline && status === 200) {
      status = (await call(whoami, { headers: { "x-api-key": k.key }, ip: "198.51.100.1" })).status;
    }
    expect(status).toBe(403);
  });
});

describe("POST /api/v1/verify", () => {
  it("answers valid with identity, meta and rate-limit state", async () => {
    const res = await call(verify, {
      body: { key: key.key, scopes: ["customers:read"], environment: "live" },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      valid: true,
      keyId: key.id,
      tenantId: owner.tenantId,
      environment: "live",
      scopes: ["customers:read"],
      expiresAt: null,
      meta: { plan: "pro" },
      ratelimit: { limit: 100 },
    });
    expect(body.ratelimit.remaining).toBeGreaterThanOrEqual(0);
    expect(body.ratelimit.reset).toBeGreaterThan(Date.now() - 1000);
  });

  it("answers 200 {valid:false} for every refusal, with SPEC's codes and messages", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, "MISSING_CREDENTIALS"],
      [{ key: "ak_live_nope" }, "INVALID_API_KEY"],
      [{ key: key.key, environment: "test" }, "ENVIRONMENT_MISMATCH"],
      [{ key: key.key, scopes: ["customers:write"] }, "INSUFFICIENT_SCOPE"],
    ];
    for (const [body, code] of cases) {
      const res = await call(verify, { body });
      expect(res.status).toBe(200);
      const result = await res.json();
      expect(result).toMatchObject({ valid: false, code });
      expect(res.text).not.toContain(key.key);
    }
    const scoped = await (
      await call(verify, { body: { key: key.key, scopes: ["customers:write", "customers:read"] } })
    ).json();
    expect(scoped.message).toBe("Insufficient permissions. Required: customers:write");
    expect(scoped.details.required).toEqual(["customers:write"]);
  });

  it("checks the allowlist against the ip the gateway reports", async () => {
    const restricted = await createTestKey(owner, { ipAllowlist: ["10.0.0.0/8"] });
    expect((await (await call(verify, { body: { key: restricted.key, ip: "10.2.3.4" } })).json()).valid).toBe(
      true,
    );
    const refused = await (await call(verify, { body: { key: restricted.key, ip: "192.0.2.1" } })).json();
    expect(refused).toMatchObject({
      valid: false,
      code: "IP_NOT_ALLOWED",
      details: { clientIp: "192.0.2.1" },
    });
  });

  it("answers 400 only for malformed requests", async () => {
    for (const body of [
      { key: 42 },
      { key: "a", token: "b" },
      { key: "a", ip: "not-an-ip" },
      { key: "a", scopes: ["BAD"] },
      { key: "a", environment: "prod" },
      { key: "a", extra: 1 },
    ]) {
      const res = await call(verify, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
    const malformed = await call(verify, { rawBody: "{", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
  });
});

describe("rate limits", () => {
  it("RATE_LIMITED (429) past the tenant's limit, with Retry-After = details.retryAfter and RateLimit-* headers", async () => {
    const account = await createAccount("ratelimit");
    await call(patchTenant, { method: "PATCH", token: account.accessToken, body: { rateLimitPerMinute: 3 } });
    const k = await createTestKey(account);
    for (let i = 0; i < 3; i++)
      expect((await call(whoami, { headers: { "x-api-key": k.key } })).status).toBe(200);
    const res = await call(whoami, { headers: { "x-api-key": k.key } });
    expect(res.status).toBe(429);
    const { error } = await res.json();
    expect(error.code).toBe("RATE_LIMITED");
    expect(Number(res.headers.get("retry-after"))).toBe(error.details.retryAfter);
    expect(error.details.retryAfter).toBeGreaterThanOrEqual(1);
    expect(res.headers.get("ratelimit-limit")).toBe("3");
    expect(res.headers.get("ratelimit-remaining")).toBe("0");
    const viaVerify = await (await call(verify, { body: { key: k.key } })).json();
    expect(viaVerify).toMatchObject({ valid: false, code: "RATE_LIMITED" });
  });

  it("a key's own limit applies on top of the tenant's", async () => {
    const account = await createAccount("keylimit");
    const k = await createTestKey(account, { rateLimitPerMinute: 2 });
    const other = await createTestKey(account);
    expect((await call(whoami, { headers: { "x-api-key": k.key } })).status).toBe(200);
    expect((await call(whoami, { headers: { "x-api-key": k.key } })).status).toBe(200);
    expect((await call(whoami, { headers: { "x-api-key": k.key } })).status).toBe(429);
    expect((await call(whoami, { headers: { "x-api-key": other.key } })).status).toBe(200);
  });
});
