import { createHmac } from "node:crypto";
import jwt from "jsonwebtoken";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { PATCH as patchTenant } from "@/app/api/tenants/me/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { createAccount, type TestAccount } from "../accounts";
import { within } from "../eventually";
import { call } from "../http";
import { makeOpensslKeys, type OpensslKeys } from "../openssl-keys";
import { createTestKey, nowSeconds, signJwt } from "../verification";

let owner: TestAccount;
let pems: OpensslKeys;
let keyId: string;

beforeAll(async () => {
  owner = await createAccount("jwt");
  pems = makeOpensslKeys();
  keyId = (
    await createTestKey(owner, { type: "public_key", publicKey: pems.p256Public, scopes: ["orders:read"] })
  ).id;
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
async function codeOf(token: string) {
  const res = await call(whoami, bearer(token));
  return { status: res.status, body: await res.json(), text: res.text };
}

describe("ES256 JWTs on GET /api/v1/whoami", () => {
  it("seed 000's Node snippet (jsonwebtoken, ES256, openssl key) verifies unchanged", async () => {
    const privateKey = pems.p256Private;
    const token = jwt.sign(
      { sub: keyId, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 },
      privateKey,
      { algorithm: "ES256" },
    );
    const res = await call(whoami, bearer(token));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      keyId,
      tenantId: owner.tenantId,
      type: "public_key",
      scopes: ["orders:read"],
    });
  });

  it("INVALID_TOKEN for alg none, HS256 keyed with the public key, RS256 and a non-public-key sub", async () => {
    const now = nowSeconds();
    const claims = { sub: keyId, iat: now, exp: now + 300 };
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
    const hsInput = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}`;
    const hs256 = `${hsInput}.${createHmac("sha256", pems.p256Public).update(hsInput).digest("base64url")}`;
    const rs = signJwt(pems.p256Private, claims, { alg: "RS256" });
    const secretKey = await createTestKey(owner);
    const wrongType = signJwt(pems.p256Private, { ...claims, sub: secretKey.id });
    for (const token of [none, hs256, rs, wrongType]) {
      const { status, body, text } = await codeOf(token);
      expect(status).toBe(401);
      expect(body.error.code).toBe("INVALID_TOKEN");
      expect(text).not.toContain(token);
    }
  });

  it("INVALID_SIGNATURE for another key's signature; DER signatures get a hint", async () => {
    const now = nowSeconds();
    const other = makeOpensslKeys();
    const forged = await codeOf(signJwt(other.p256Private, { sub: keyId, iat: now, exp: now + 60 }));
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("INVALID_SIGNATURE");
    const der = await codeOf(
      signJwt(pems.p256Private, { sub: keyId, iat: now, exp: now + 60 }, { alg: "ES256" }, "der"),
    );
    expect(der.status).toBe(401);
    expect(der.body.error.message).toMatch(/DER/);
  });

  it("time rules: expired, not yet valid, too long, each with its code; 60 s leeway", async () => {
    const now = nowSeconds();
    const sign = (claims: Record<string, unknown>) => signJwt(pems.p256Private, { sub: keyId, ...claims });
    expect((await codeOf(sign({ iat: now - 600, exp: now - 120 }))).body.error.code).toBe("TOKEN_EXPIRED");
    expect((await codeOf(sign({ iat: now - 600, exp: now - 30 }))).status).toBe(200);
    expect((await codeOf(sign({ iat: now + 300, exp: now + 600 }))).body.error.code).toBe(
      "TOKEN_NOT_YET_VALID",
    );
    expect((await codeOf(sign({ iat: now, nbf: now + 300, exp: now + 600 }))).body.error.code).toBe(
      "TOKEN_NOT_YET_VALID",
    );
    expect((await codeOf(sign({ iat: now, exp: now + 901 }))).body.error.code).toBe(
      "TOKEN_LIFETIME_TOO_LONG",
    );
    expect((await codeOf(sign({ iat: now, exp: now + 900 }))).status).toBe(200);
    for (const claims of [{ exp: now + 60 }, { iat: now }, { iat: String(now), exp: now + 60 }]) {
      expect((await codeOf(sign(claims))).body.error.code).toBe("INVALID_TOKEN");
    }
  });

  it("the tenant's maximum lifetime applies as soon as it is changed", async () => {
    const account = await createAccount("lifetime");
    const now = nowSeconds();
    const fresh = makeOpensslKeys();
    const freshId = (await createTestKey(account, { type: "public_key", publicKey: fresh.p256Public })).id;
    const token = signJwt(fresh.p256Private, { sub: freshId, iat: now, exp: now + 600, jti: "a" });
    expect((await codeOf(token)).status).toBe(200);
    await call(patchTenant, {
      method: "PATCH",
      token: account.accessToken,
      body: { maxTokenLifetimeSeconds: 300 },
    });
    // The change reaches every instance's cache by NOTIFY, this one's too: on PostgreSQL that is
    // a moment after the PATCH answers, so poll (a fresh jti each time, or it would be a replay).
    let attempt = 0;
    const code = async () => {
      const token = signJwt(fresh.p256Private, {
        sub: freshId,
        iat: now,
        exp: now + 600,
        jti: `b${attempt++}`,
      });
      return (await codeOf(token)).body.error?.code as string | undefined;
    };
    expect(await within(1000, code, "TOKEN_LIFETIME_TOO_LONG")).toBe("TOKEN_LIFETIME_TOO_LONG");
  });

  it("header rules: kid must equal sub; jwk, jku, x5u, x5c and crit are refused; aud must be ours", async () => {
    const now = nowSeconds();
    const claims = { sub: keyId, iat: now, exp: now + 60 };
    const headers = [
      { alg: "ES256", kid: "key_000000000000000000000000" },
      { alg: "ES256", jku: "https://evil.example/jwks" },
      { alg: "ES256", x5u: "https://evil.example/cert" },
      { alg: "ES256", jwk: { kty: "EC" } },
      { alg: "ES256", x5c: ["MIIB"] },
      { alg: "ES256", crit: ["exp"] },
      { alg: "ES256", typ: "JOSE+JSON" },
    ];
    for (const header of headers) {
      expect(
        (await codeOf(signJwt(pems.p256Private, claims, header))).body.error.code,
        JSON.stringify(header),
      ).toBe("INVALID_TOKEN");
    }
    expect((await codeOf(signJwt(pems.p256Private, claims, { alg: "ES256", kid: keyId }))).status).toBe(200);
    expect(
      (await codeOf(signJwt(pems.p256Private, { ...claims, aud: "https://other.example" }))).body.error.code,
    ).toBe("INVALID_TOKEN");
    expect((await codeOf(signJwt(pems.p256Private, { ...claims, aud: "http://keydesk.test" }))).status).toBe(
      200,
    );
  });

  it("TOKEN_REPLAYED for a jti seen before for that key; a new jti passes", async () => {
    const now = nowSeconds();
    const first = signJwt(pems.p256Private, {
      sub: keyId,
      iat: now,
      exp: now + 120,
      jti: `once-${now}-${Math.random()}`,
    });
    expect((await codeOf(first)).status).toBe(200);
    const again = await codeOf(first);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("TOKEN_REPLAYED");
    // A re-signed token with the same jti is the same replay: the record is (key id, jti), not the token.
    const resigned = signJwt(pems.p256Private, {
      sub: keyId,
      iat: now,
      exp: now + 120,
      jti: JSON.parse(Buffer.from(first.split(".")[1]!, "base64url").toString()).jti,
    });
    expect((await codeOf(resigned)).body.error.code).toBe("TOKEN_REPLAYED");
    expect(
      (
        await codeOf(
          signJwt(pems.p256Private, { sub: keyId, iat: now, exp: now + 120, jti: `other-${Math.random()}` }),
        )
      ).status,
    ).toBe(200);
  });

  it("a revoked public key stops verifying; POST /api/v1/verify takes the token too", async () => {
    const pair = makeOpensslKeys();
    const id = (
      await createTestKey(owner, { type: "public_key", publicKey: pair.p256Public, scopes: ["orders:read"] })
    ).id;
    const now = nowSeconds();
    const token = signJwt(pair.p256Private, { sub: id, iat: now, exp: now + 60 });
    expect(await (await call(verify, { body: { token, scopes: ["orders:read"] } })).json()).toMatchObject({
      valid: true,
      keyId: id,
    });
    await call(revokeKey, { method: "DELETE", token: owner.accessToken, params: { id } });
    const after = await (
      await call(verify, { body: { token: signJwt(pair.p256Private, { sub: id, iat: now, exp: now + 60 }) } })
    ).json();
    expect(after).toMatchObject({ valid: false, code: "INVALID_TOKEN" });
  });
});
