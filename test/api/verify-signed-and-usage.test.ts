import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { DELETE as retireSecret } from "@/app/api/tenants/me/signing-secrets/[id]/route";
import { POST as createSecret, GET as listSecrets } from "@/app/api/tenants/me/signing-secrets/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getDb } from "@/db/client";
import { apiKeys, usageRollups } from "@/db/schema";
import { getVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount, type TestAccount } from "../accounts";
import { within } from "../eventually";
import { call } from "../http";
import { createTestKey } from "../verification";

let owner: TestAccount;

beforeAll(async () => {
  owner = await createAccount("signed");
});

describe("signed keys (akv1_)", () => {
  it("verify online; tampering is INVALID_API_KEY; revocation is checked", async () => {
    const signed = await createTestKey(owner, { type: "signed", scopes: ["reports:read"] });
    const res = await call(whoami, { headers: { "x-api-key": signed.key } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ keyId: signed.id, type: "signed", scopes: ["reports:read"] });

    const [head, sig] = signed.key.split(".") as [string, string];
    const tamperedSig = `${head}.${sig.slice(0, -1)}${sig.endsWith("a") ? "b" : "a"}`;
    const tamperedPayload = `${head.slice(0, -1)}${head.endsWith("a") ? "b" : "a"}.${sig}`;
    for (const candidate of [tamperedSig, tamperedPayload]) {
      const refused = await call(whoami, { headers: { "x-api-key": candidate } });
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.code).toBe("INVALID_API_KEY");
    }
    await call(revokeKey, { method: "DELETE", token: owner.accessToken, params: { id: signed.id } });
    const status = () => call(whoami, { headers: { "x-api-key": signed.key } }).then((res) => res.status);
    expect(await within(1000, status, 401)).toBe(401);
  });

  it("keys signed by an older secret verify until that secret is retired", async () => {
    const account = await createAccount("rotation");
    const old = await createTestKey(account, { type: "signed" });
    await call(createSecret, { token: account.accessToken });
    const fresh = await createTestKey(account, { type: "signed" });
    expect((await call(whoami, { headers: { "x-api-key": old.key } })).status).toBe(200);
    expect((await call(whoami, { headers: { "x-api-key": fresh.key } })).status).toBe(200);
    const secrets = (await (await call(listSecrets, { token: account.accessToken })).json()).data;
    const oldest = secrets.at(-1);
    expect(
      (await call(retireSecret, { method: "DELETE", token: account.accessToken, params: { id: oldest.id } }))
        .status,
    ).toBe(200);
    const oldStatus = () => call(whoami, { headers: { "x-api-key": old.key } }).then((res) => res.status);
    expect(await within(1000, oldStatus, 401)).toBe(401);
    expect((await call(whoami, { headers: { "x-api-key": fresh.key } })).status).toBe(200);
  });
});

describe("usage and last-used", () => {
  it("counts every outcome per key and moves lastUsedAt/lastUsedIp, in batches", async () => {
    const account = await createAccount("usage");
    const k = await createTestKey(account, { scopes: ["a:read"] });
    await call(whoami, { headers: { "x-api-key": k.key }, ip: "198.51.100.44" });
    await call(whoami, { headers: { "x-api-key": k.key }, ip: "198.51.100.45" });
    await call(verify, { body: { key: k.key, scopes: ["a:write"] } });
    await call(verify, { body: { key: k.key, environment: "test" } });

    const db = await getDb();
    const before = await db
      .select({ lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(eq(apiKeys.id, k.id));
    expect(before[0]?.lastUsedAt).toBeNull();

    await getVerifier().usage.flush();
    const rows = await db
      .select({ outcome: usageRollups.outcome, count: usageRollups.count })
      .from(usageRollups)
      .where(
        and(
          eq(usageRollups.tenantId, account.tenantId),
          eq(usageRollups.keyId, k.id),
          eq(usageRollups.granularity, "minute"),
        ),
      );
    const counts = Object.fromEntries(rows.map((row) => [row.outcome, row.count]));
    expect(counts).toEqual({ VALID: 2, INSUFFICIENT_SCOPE: 1, ENVIRONMENT_MISMATCH: 1 });
    for (const granularity of ["hour", "day"] as const) {
      const total = await db
        .select({ count: usageRollups.count })
        .from(usageRollups)
        .where(and(eq(usageRollups.keyId, k.id), eq(usageRollups.granularity, granularity)));
      expect(total.reduce((sum, row) => sum + row.count, 0)).toBe(4);
    }
    const [after] = await db
      .select({ lastUsedAt: apiKeys.lastUsedAt, lastUsedIp: apiKeys.lastUsedIp })
      .from(apiKeys)
      .where(eq(apiKeys.id, k.id));
    expect(after?.lastUsedAt).toBeInstanceOf(Date);
    // The failures that came after (scope, environment) do not move it.
    expect(after?.lastUsedIp).toBe("198.51.100.45");
  });
});

describe("garbage never yields a 5xx", () => {
  it("random headers on whoami", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.constantFrom("ak_live_", "akv1_live_x.y", "eyJ.eyJ.x", "Bearer"),
        ),
        fc.constantFrom("x-api-key", "authorization"),
        async (value, header) => {
          const clean = value.replace(/[\r\n\0]/g, "").replace(/[^\x20-\x7e]/g, "");
          const res = await call(whoami, { headers: { [header]: clean } });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("random JSON bodies on verify", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await call(verify, { body });
        expect(res.status).toBeLessThan(500);
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 1500 },
    );
  });

  it("random raw bodies on verify", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary" }), async (raw) => {
        const res = await call(verify, {
          method: "POST",
          rawBody: raw,
          headers: { "content-type": "application/json" },
        });
        expect([200, 400, 413]).toContain(res.status);
      }),
      { numRuns: 1000 },
    );
  });
});
