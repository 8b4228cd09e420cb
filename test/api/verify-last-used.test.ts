import { generateKeyPairSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getDb } from "@/db/client";
import { usageRollups } from "@/db/schema";
import { getVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey, nowSeconds, signJwt } from "../verification";

/**
 * Last-used (what the key list shows and what turns the onboarding "first request" step green)
 * moves only for successful verifications. Anyone who knows a key id can make failures happen.
 */
let owner: TestAccount;
const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
const publicKey = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
const privatePem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const stranger = generateKeyPairSync("ec", { namedCurve: "P-256" });
const strangerPem = stranger.privateKey.export({ type: "pkcs8", format: "pem" }).toString();

beforeAll(async () => {
  owner = await createAccount("last-used");
});

async function lastUsed(id: string) {
  await getVerifier().usage.flush();
  const dto = await (await call(getKey, { token: owner.accessToken, params: { id } })).json();
  return { at: dto.lastUsedAt as string | null, ip: dto.lastUsedIp as string | null };
}

async function outcomes(keyId: string) {
  const rows = await (await getDb())
    .select({ outcome: usageRollups.outcome, count: usageRollups.count })
    .from(usageRollups)
    .where(and(eq(usageRollups.keyId, keyId), eq(usageRollups.granularity, "day")));
  return Object.fromEntries(rows.map((row) => [row.outcome, row.count]));
}

const jwtFor = (sub: string, pem = privatePem, extra: Record<string, unknown> = {}) =>
  signJwt(pem, { sub, iat: nowSeconds(), exp: nowSeconds() + 300, ...extra });

describe("last-used reflects successful verifications only", () => {
  it("a JWT with a bad signature, a wrong environment, a refused IP or a missing scope moves nothing", async () => {
    const key = await createTestKey(owner, {
      type: "public_key",
      publicKey,
      environment: "test",
      scopes: ["orders:read"],
      ipAllowlist: ["198.51.100.0/24"],
    });
    const attempts = [
      call(whoami, {
        headers: { authorization: `Bearer ${jwtFor(key.id, strangerPem)}` },
        ip: "198.51.100.7",
      }),
      call(whoami, { headers: { authorization: `Bearer ${jwtFor(key.id)}` }, ip: "192.0.2.66" }),
      call(verify, { body: { token: jwtFor(key.id), environment: "live", ip: "198.51.100.7" } }),
      call(verify, { body: { token: jwtFor(key.id), scopes: ["orders:write"], ip: "198.51.100.7" } }),
      call(verify, { body: { token: jwtFor(key.id), ip: "192.0.2.99" } }),
      call(verify, { body: { token: jwtFor(key.id, privatePem, { exp: nowSeconds() - 3600 }) } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status === 200 ? (await res.json()).valid : res.status).not.toBe(true);
    }
    expect(await lastUsed(key.id)).toEqual({ at: null, ip: null });
    // Failures are still counted in usage, by outcome.
    expect(await outcomes(key.id)).toMatchObject({
      INVALID_SIGNATURE: 1,
      IP_NOT_ALLOWED: 2,
      ENVIRONMENT_MISMATCH: 1,
      INSUFFICIENT_SCOPE: 1,
      TOKEN_EXPIRED: 1,
    });

    const ok = await call(whoami, {
      headers: { authorization: `Bearer ${jwtFor(key.id)}` },
      ip: "198.51.100.8",
    });
    expect(ok.status).toBe(200);
    const after = await lastUsed(key.id);
    expect(after.ip).toBe("198.51.100.8");
    expect(Date.parse(after.at ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("a secret key refused for its IP, environment or scope is not 'used'", async () => {
    const key = await createTestKey(owner, { scopes: ["a:read"], ipAllowlist: ["198.51.100.0/24"] });
    await call(whoami, { headers: { "x-api-key": key.key }, ip: "192.0.2.1" });
    await call(verify, { body: { key: key.key, environment: "test", ip: "198.51.100.1" } });
    await call(verify, { body: { key: key.key, scopes: ["a:write"], ip: "198.51.100.1" } });
    expect(await lastUsed(key.id)).toEqual({ at: null, ip: null });
  });

  it("POST /api/v1/verify records the address the allowlist was checked against: the body's ip, else the caller's", async () => {
    const key = await createTestKey(owner);
    const viaGateway = await call(verify, { body: { key: key.key, ip: "198.51.100.23" }, ip: "203.0.113.5" });
    expect((await viaGateway.json()).valid).toBe(true);
    expect((await lastUsed(key.id)).ip).toBe("198.51.100.23");
    await call(verify, { body: { key: key.key }, ip: "203.0.113.6" });
    expect((await lastUsed(key.id)).ip).toBe("203.0.113.6");
  });
});
