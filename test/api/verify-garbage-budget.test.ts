import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { type Env, getEnv, overrideEnvForTests } from "@/lib/env";
import { encodeBase62 } from "@/lib/keys/base62";
import { secretKeyChecksum } from "@/lib/keys/secret-key";
import { getVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount, type TestAccount } from "../accounts";
import { call, uniqueIp } from "../http";
import { createTestKey, signJwt } from "../verification";

/**
 * Credentials anyone can invent — well-formed secret keys (CRC-32 is public), signed keys naming
 * any tenant, JWTs naming any key id — must neither evict real keys from the cache nor buy a
 * database query each without limit.
 */
let owner: TestAccount;
let real: { id: string; key: string };
let original: Env;

beforeAll(async () => {
  original = getEnv();
  owner = await createAccount("garbage");
  real = await createTestKey(owner);
});

afterAll(() => overrideEnvForTests(original));

function inventedSecretKey(): string {
  const body = `ak_live_${encodeBase62(randomBytes(32), 43)}`;
  return body + secretKeyChecksum(body);
}

/** A structurally valid signed key for a tenant that does not exist (its HMAC is random). */
function inventedSignedKey(): string {
  const claims = {
    v: 1,
    t: `ten_${randomBytes(8).toString("hex")}`,
    k: `key_${"A".repeat(24)}`,
    s: [],
    e: null,
    m: {},
  };
  const payload = encodeBase62(Buffer.from(JSON.stringify(claims)));
  return `akv1_live_${payload}.${encodeBase62(randomBytes(32), 43)}`;
}

const loads = () => getVerifier().keyCache.loads;
const anyPrivateKey = generateKeyPairSync("ec", { namedCurve: "P-256" })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

describe("invented credentials", () => {
  it("signed keys naming invented tenants create no real cache entries and cannot evict a real key", async () => {
    overrideEnvForTests({ ...original, verifyMissBudget: 0 });
    const ip = uniqueIp();
    expect((await call(whoami, { headers: { "x-api-key": real.key }, ip })).status).toBe(200);
    const cache = getVerifier().keyCache;
    const realEntries = cache.size;
    for (let i = 0; i < 200; i++) {
      const res = await call(whoami, { headers: { "x-api-key": inventedSignedKey() }, ip });
      expect((await res.json()).error.code).toBe("INVALID_API_KEY");
    }
    expect(cache.size).toBe(realEntries);
    // The real key is still served from the cache: no query.
    const before = loads();
    expect((await call(whoami, { headers: { "x-api-key": real.key }, ip })).status).toBe(200);
    expect(loads()).toBe(before);
  });

  it("the same invented key twice costs one query (the miss is remembered)", async () => {
    overrideEnvForTests({ ...original, verifyMissBudget: 0 });
    const invented = inventedSecretKey();
    const before = loads();
    for (let i = 0; i < 5; i++) await call(whoami, { headers: { "x-api-key": invented } });
    expect(loads()).toBe(before + 1);
  });
});

describe("the miss budget (VERIFY_MISS_BUDGET per address per minute)", () => {
  it("answers 429 RATE_LIMITED with Retry-After once spent, without another query", async () => {
    overrideEnvForTests({ ...original, verifyMissBudget: 10, verifyMissBudgetExempt: [] });
    const ip = uniqueIp();
    const before = loads();
    for (let i = 0; i < 10; i++) {
      const res = await call(whoami, { headers: { "x-api-key": inventedSecretKey() }, ip });
      expect((await res.json()).error.code).toBe("INVALID_API_KEY");
    }
    expect(loads()).toBe(before + 10);
    for (let i = 0; i < 20; i++) {
      const res = await call(whoami, { headers: { "x-api-key": inventedSecretKey() }, ip });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const { error } = await res.json();
      expect(error.code).toBe("RATE_LIMITED");
      expect(error.details.retryAfter).toBeGreaterThanOrEqual(1);
    }
    const signed = await call(whoami, { headers: { "x-api-key": inventedSignedKey() }, ip });
    expect(signed.status).toBe(429);
    const jwt = signJwt(anyPrivateKey, {
      sub: `key_${encodeBase62(randomBytes(16), 24).slice(0, 24)}`,
      iat: 1,
      exp: 2,
    });
    expect((await call(whoami, { headers: { authorization: `Bearer ${jwt}` }, ip })).status).toBe(429);
    expect(loads()).toBe(before + 10);

    // A key the cache already holds costs nothing, so the same address still uses it…
    expect((await call(whoami, { headers: { "x-api-key": real.key }, ip })).status).toBe(200);
    // …and other addresses are not affected at all.
    const other = await call(whoami, { headers: { "x-api-key": inventedSecretKey() }, ip: uniqueIp() });
    expect((await other.json()).error.code).toBe("INVALID_API_KEY");
  });

  it("on POST /api/v1/verify it counts the caller's address, not the body's ip, and answers 429", async () => {
    overrideEnvForTests({ ...original, verifyMissBudget: 5, verifyMissBudgetExempt: [] });
    const gateway = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await call(verify, {
        body: { key: inventedSecretKey(), ip: `198.51.100.${i + 1}` },
        ip: gateway,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect((await res.json()).error.code).toBe("RATE_LIMITED");
        expect(res.headers.get("retry-after")).not.toBeNull();
      } else expect(await res.json()).toMatchObject({ valid: false, code: "INVALID_API_KEY" });
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it("exempt addresses (VERIFY_MISS_BUDGET_EXEMPT, TRUSTED_PROXIES) are never budgeted", async () => {
    overrideEnvForTests({
      ...original,
      verifyMissBudget: 3,
      verifyMissBudgetExempt: ["192.0.2.0/24"],
      trustedProxies: ["2001:db8:ffff::/48"],
    });
    for (const ip of ["192.0.2.50", "2001:db8:ffff::9"]) {
      for (let i = 0; i < 10; i++) {
        const res = await call(verify, { body: { key: inventedSecretKey() }, ip });
        expect(res.status).toBe(200);
        expect((await res.json()).code).toBe("INVALID_API_KEY");
      }
    }
  });
});

describe("long signed keys (decoding one costs milliseconds before anything is verified)", () => {
  /** A long payload naming a real tenant (whose secrets are cached) with a random signature. */
  function forgedLongSignedKey(tenantId: string): string {
    const claims = {
      v: 1,
      t: tenantId,
      k: `key_${"B".repeat(24)}`,
      s: [],
      e: null,
      m: { pad: "x".repeat(3000) },
    };
    const payload = encodeBase62(Buffer.from(JSON.stringify(claims)));
    return `akv1_live_${payload}.${encodeBase62(randomBytes(32), 43)}`;
  }

  it("a caller inventing them spends its miss budget, even when no query is needed", async () => {
    overrideEnvForTests({ ...original, verifyMissBudget: 3, verifyMissBudgetExempt: [] });
    const signed = await createTestKey(owner, { type: "signed", metadata: { pad: "y".repeat(3000) } });
    expect(signed.key.length).toBeGreaterThan(4000);
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await call(whoami, { headers: { "x-api-key": forgedLongSignedKey(owner.tenantId) }, ip });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it("a real long signed key, used again and again, is decoded once and spends nothing more", async () => {
    overrideEnvForTests({ ...original, verifyMissBudget: 3, verifyMissBudgetExempt: [] });
    const signed = await createTestKey(owner, { type: "signed", metadata: { pad: "z".repeat(3000) } });
    const ip = uniqueIp();
    for (let i = 0; i < 20; i++) {
      const res = await call(whoami, { headers: { "x-api-key": signed.key }, ip });
      expect(res.status).toBe(200);
    }
  });
});
