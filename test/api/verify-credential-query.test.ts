import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTenant } from "@/app/api/tenants/me/route";
import { POST as leaks } from "@/app/api/v1/leaks/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

let owner: TestAccount;
let key: { id: string; key: string };
let signed: { id: string; key: string };

beforeAll(async () => {
  owner = await createAccount("query");
  key = await createTestKey(owner);
  signed = await createTestKey(owner, { type: "signed" });
});

async function expectRefused(res: Awaited<ReturnType<typeof call>>, secret: string, label: string) {
  expect(res.status, label).toBe(400);
  expect((await res.json()).error.code, label).toBe("KEY_IN_QUERY");
  expect(res.text).not.toContain(secret);
}

/** Every way a credential can ride in a URL, with the real key in it. */
function leakyQueries(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [
    `API_KEY=${encoded}`,
    `apiKey=${encoded}`,
    `access_token=${encoded}`,
    `Key=${encoded}`,
    `X-Api-Key=${encoded}`,
    `q=${encoded}`,
    `utm_source=mail&ref=${encoded}`,
    encoded,
  ];
}

describe("credentials in the query string are refused before any look-up", () => {
  it("GET /api/v1/whoami, whatever the parameter's name or case, even with a good header", async () => {
    for (const query of [...leakyQueries(key.key), ...leakyQueries(signed.key)]) {
      const res = await call(whoami, { path: `/api/v1/whoami?${query}`, headers: { "x-api-key": key.key } });
      await expectRefused(res, key.key, query);
    }
  });

  it("POST /api/v1/verify, with a JWS-looking value too", async () => {
    const jws = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJrZXlfeCJ9.c2lnbmF0dXJlc2lnbmF0dXJl";
    for (const query of [...leakyQueries(key.key), `state=${jws}`]) {
      const res = await call(verify, { path: `/api/v1/verify?${query}`, body: { key: key.key } });
      await expectRefused(res, key.key, query);
    }
  });

  it("management routes refuse it before the access token is even checked", async () => {
    const anonymous = await call(getTenant, { path: `/api/tenants/me?access_token=${owner.accessToken}` });
    await expectRefused(anonymous, owner.accessToken, "access_token without a header");
    const withHeader = await call(getTenant, {
      path: `/api/tenants/me?Token=${owner.accessToken}`,
      token: owner.accessToken,
    });
    await expectRefused(withHeader, owner.accessToken, "Token with a header");
  });

  it("POST /api/v1/leaks refuses a key in its URL", async () => {
    const res = await call(leaks, { path: `/api/v1/leaks?token=${key.key}`, body: [] });
    await expectRefused(res, key.key, "leaks");
  });

  it("ordinary parameters still pass", async () => {
    const res = await call(whoami, {
      path: "/api/v1/whoami?keyId=key_x&cursor=abc&monkey=1",
      headers: { "x-api-key": key.key },
    });
    expect(res.status).toBe(200);
  });
});
