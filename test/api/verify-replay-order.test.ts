import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchTenant } from "@/app/api/tenants/me/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getStores } from "@/lib/stores";
import { createAccount, type TestAccount } from "../accounts";
import { makeOpensslKeys, type OpensslKeys } from "../es256";
import { within } from "../eventually";
import { call } from "../http";
import { createTestKey, nowSeconds, signJwt } from "../verification";

/**
 * A refused request records nothing in the replay store: neither a refused IP, environment or
 * scope, nor a spent rate limit. The caller is still told in SPEC §3's order (replay before IP).
 */
let pems: OpensslKeys;

beforeAll(() => {
  pems = makeOpensslKeys();
});

const tokenFor = (sub: string, jti: string = randomUUID()) =>
  signJwt(pems.p256Private, { sub, iat: nowSeconds(), exp: nowSeconds() + 300, jti });

async function codeOf(res: Awaited<ReturnType<typeof call>>) {
  const body = await res.json();
  return res.status === 200 && "valid" in body
    ? body.valid
      ? "VALID"
      : body.code
    : (body.error?.code ?? "OK");
}

describe("replay records are written only for requests that pass every check", () => {
  let owner: TestAccount;
  let keyId: string;
  beforeAll(async () => {
    owner = await createAccount("replay-order");
    keyId = (
      await createTestKey(owner, {
        type: "public_key",
        publicKey: pems.p256Public,
        scopes: ["orders:read"],
        ipAllowlist: ["198.51.100.0/24"],
      })
    ).id;
  });

  it("a token refused for its IP, environment or scope can still be used once, properly", async () => {
    const refusedIp = tokenFor(keyId);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect(await codeOf(await call(whoami, { headers: bearer(refusedIp), ip: "192.0.2.1" }))).toBe(
      "IP_NOT_ALLOWED",
    );
    expect(await codeOf(await call(whoami, { headers: bearer(refusedIp), ip: "198.51.100.1" }))).toBe("OK");

    const refusedEnv = tokenFor(keyId);
    expect(
      await codeOf(
        await call(verify, { body: { token: refusedEnv, environment: "test", ip: "198.51.100.1" } }),
      ),
    ).toBe("ENVIRONMENT_MISMATCH");
    const refusedScope = tokenFor(keyId);
    expect(
      await codeOf(
        await call(verify, { body: { token: refusedScope, scopes: ["orders:write"], ip: "198.51.100.1" } }),
      ),
    ).toBe("INSUFFICIENT_SCOPE");
    for (const token of [refusedEnv, refusedScope]) {
      expect(await codeOf(await call(verify, { body: { token, ip: "198.51.100.1" } }))).toBe("VALID");
      // Used once now: the next use is a replay, and a replay is told before the IP is looked at.
      expect(await codeOf(await call(verify, { body: { token, ip: "192.0.2.1" } }))).toBe("TOKEN_REPLAYED");
    }
  });

  it("a rate-limited tenant's flood of fresh jtis leaves no records behind", async () => {
    await call(patchTenant, { token: owner.accessToken, body: { rateLimitPerMinute: 1 } });
    const { replayStore } = getStores();
    // The new limit reaches the cache by NOTIFY, within a second: spend it until it bites.
    let n = 0;
    const spend = async () =>
      codeOf(await call(verify, { body: { token: tokenFor(keyId, `spend-${n++}`), ip: "198.51.100.1" } }));
    expect(await within(2000, spend, "RATE_LIMITED")).toBe("RATE_LIMITED");
    const jtis = Array.from({ length: 50 }, () => randomUUID());
    for (const jti of jtis) {
      const res = await call(verify, { body: { token: tokenFor(keyId, jti), ip: "198.51.100.1" } });
      expect(await codeOf(res)).toBe("RATE_LIMITED");
    }
    for (const jti of jtis)
      expect(await replayStore.has({ tenantId: owner.tenantId, keyId, jti })).toBe(false);
  });
});
