import { beforeAll, describe, expect, it } from "vitest";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { createAccount, type TestAccount } from "../accounts";
import { makeOpensslKeys } from "../es256";
import { call } from "../http";
import { createTestKey, nowSeconds, signJwt } from "../verification";

/** RFC 6750 §2: one method per request. Two different credentials are ambiguous, so refused. */
let owner: TestAccount;
let first: { id: string; key: string };
let second: { id: string; key: string };
let jwt: string;

beforeAll(async () => {
  owner = await createAccount("two-creds");
  first = await createTestKey(owner);
  second = await createTestKey(owner);
  const pems = makeOpensslKeys();
  const jwtKey = await createTestKey(owner, { type: "public_key", publicKey: pems.p256Public });
  jwt = signJwt(pems.p256Private, { sub: jwtKey.id, iat: nowSeconds(), exp: nowSeconds() + 300 });
});

describe("two credentials in one request", () => {
  it("X-API-Key plus a different Bearer credential is 400 INVALID_REQUEST, whichever is good", async () => {
    const pairs: [string, string][] = [
      [first.key, second.key],
      [first.key, jwt],
      ["ak_live_garbage", first.key],
      [first.key, "not-a-key"],
    ];
    for (const [apiKey, bearer] of pairs) {
      const res = await call(whoami, { headers: { "x-api-key": apiKey, authorization: `Bearer ${bearer}` } });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("INVALID_REQUEST");
      expect(res.text).not.toContain(apiKey);
      expect(res.text).not.toContain(bearer);
    }
  });

  it("two X-API-Key headers (joined with a comma on the way in) are refused the same way", async () => {
    const res = await call(whoami, { headers: { "x-api-key": `${first.key}, ${second.key}` } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("INVALID_REQUEST");
  });

  it("the same credential in both headers is one credential", async () => {
    const res = await call(whoami, {
      headers: { "x-api-key": first.key, authorization: `Bearer ${first.key}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).keyId).toBe(first.id);
  });

  it("a non-Bearer Authorization (e.g. a proxy's Basic) is not a second credential", async () => {
    const res = await call(whoami, {
      headers: { "x-api-key": first.key, authorization: "Basic dXNlcjpwYXNz" },
    });
    expect(res.status).toBe(200);
  });
});
