import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { GET as getTenant, PATCH as patchTenant } from "@/app/api/tenants/me/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getDb } from "@/db/client";
import { auditEvents, memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { getEnv, overrideEnvForTests } from "@/lib/env";
import { newId } from "@/lib/ids";
import { createAccount, PASSWORD, type TestAccount } from "../accounts";
import { within } from "../eventually";
import { call, uniqueEmail, uniqueIp } from "../http";
import { createTestKey } from "../verification";

// Issue 10: a tenant may have no limit of its own (null, "Unlimited"), the operator sets the ceiling
// (TENANT_RATE_LIMIT_MAX) and new tenants' default (TENANT_RATE_LIMIT_DEFAULT).

const original = getEnv();
afterEach(() =>
  overrideEnvForTests({
    tenantRateLimitMax: original.tenantRateLimitMax,
    tenantRateLimitDefault: original.tenantRateLimitDefault,
  }),
);

const patch = (token: string | undefined, body: unknown) =>
  call(patchTenant, { method: "PATCH", ...(token ? { token } : {}), body });
const limitOf = async (account: TestAccount) =>
  (await (await call(getTenant, { token: account.accessToken })).json()).rateLimitPerMinute;

async function addMember(tenantId: string, role: "viewer" | "admin") {
  const db = await getDb();
  const email = uniqueEmail(role);
  const userId = newId("usr");
  await db.insert(users).values({ id: userId, email, passwordHash: await hashPassword(PASSWORD) });
  await db.insert(memberships).values({ tenantId, userId, role });
  const res = await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() });
  return (await res.json()).accessToken as string;
}

describe("PATCH /api/tenants/me rateLimitPerMinute", () => {
  it("takes null (no tenant limit) and a number again, each audited", async () => {
    const account = await createAccount("unlimited");
    const cleared = await patch(account.accessToken, { rateLimitPerMinute: null });
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).rateLimitPerMinute).toBeNull();
    expect(await limitOf(account)).toBeNull();
    const set = await patch(account.accessToken, { rateLimitPerMinute: 5_000_000 });
    expect(set.status).toBe(200);
    expect(await limitOf(account)).toBe(5_000_000);
    const db = await getDb();
    const events = await db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, account.tenantId), eq(auditEvents.action, "tenant.updated")));
    expect(events.map((e) => e.details)).toEqual([
      { changed: ["rateLimitPerMinute"] },
      { changed: ["rateLimitPerMinute"] },
    ]);
  });

  it("an anonymous caller gets 401 and changes nothing", async () => {
    const account = await createAccount("anon-limit");
    const res = await patch(undefined, { rateLimitPerMinute: null });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    expect(await limitOf(account)).toBe(100);
  });

  it("another tenant's member changes only their own tenant", async () => {
    const a = await createAccount("limit-a");
    const b = await createAccount("limit-b");
    expect((await patch(b.accessToken, { rateLimitPerMinute: null })).status).toBe(200);
    expect(await limitOf(a)).toBe(100);
    expect(await limitOf(b)).toBeNull();
  });

  it("a viewer is refused (403); an admin may change it", async () => {
    const owner = await createAccount("limit-roles");
    const viewer = await addMember(owner.tenantId, "viewer");
    const refused = await patch(viewer, { rateLimitPerMinute: null });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
    expect(await limitOf(owner)).toBe(100);
    const admin = await addMember(owner.tenantId, "admin");
    expect((await patch(admin, { rateLimitPerMinute: null })).status).toBe(200);
    expect(await limitOf(owner)).toBeNull();
  });

  it("refuses values that are not a whole number from 1 to 60 000 000, naming the field", async () => {
    const account = await createAccount("limit-values");
    for (const value of [0, -5, 1.5, "100", true, 60_000_001, "unlimited", {}]) {
      const res = await patch(account.accessToken, { rateLimitPerMinute: value });
      expect(res.status, JSON.stringify(value)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.details.fields).toEqual([{ path: "rateLimitPerMinute", message: expect.any(String) }]);
    }
    expect(await limitOf(account)).toBe(100);
  });

  it("holds tenants to the operator's ceiling, naming it, and then offers no 'Unlimited'", async () => {
    overrideEnvForTests({ tenantRateLimitMax: 10_000 });
    const account = await createAccount("ceiling");
    for (const value of [10_001, null]) {
      const res = await patch(account.accessToken, { rateLimitPerMinute: value });
      expect(res.status, String(value)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.message).toContain("10000");
      expect(error.details).toMatchObject({
        max: 10_000,
        fields: [{ path: "rateLimitPerMinute", message: expect.stringContaining("10000") }],
      });
    }
    expect(await limitOf(account)).toBe(100);
    expect((await patch(account.accessToken, { rateLimitPerMinute: 10_000 })).status).toBe(200);
    expect(await limitOf(account)).toBe(10_000);
    // Other settings are not held up by the ceiling.
    expect((await patch(account.accessToken, { name: "Still fine" })).status).toBe(200);
  });

  it("new tenants start with TENANT_RATE_LIMIT_DEFAULT, which may be 'unlimited'", async () => {
    overrideEnvForTests({ tenantRateLimitDefault: null });
    expect(await limitOf(await createAccount("default-none"))).toBeNull();
    overrideEnvForTests({ tenantRateLimitDefault: 2_500 });
    expect(await limitOf(await createAccount("default-2500"))).toBe(2_500);
  });
});

describe("verification for a tenant with no limit", () => {
  const whoamiWith = (secret: string) => call(whoami, { headers: { "x-api-key": secret } });

  it("is never refused by the tenant bucket, and reports no tenant limit", async () => {
    const account = await createAccount("no-limit");
    await patch(account.accessToken, { rateLimitPerMinute: 2 });
    const key = await createTestKey(account);
    // The new limit reaches the cache by NOTIFY (within a second): spend it until it bites.
    const status = async () => (await whoamiWith(key.key)).status;
    expect(await within(2000, status, 429)).toBe(429);

    expect((await patch(account.accessToken, { rateLimitPerMinute: null })).status).toBe(200);
    expect(await within(2000, status, 200)).toBe(200);
    for (let i = 0; i < 30; i++) {
      const res = await whoamiWith(key.key);
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBeNull();
      expect(res.headers.get("retry-after")).toBeNull();
    }
    const verified = await (await call(verify, { body: { key: key.key } })).json();
    expect(verified).toMatchObject({ valid: true, keyId: key.id, ratelimit: null });
  });

  it("still applies a key's own limit, and reports that one", async () => {
    const account = await createAccount("no-limit-key");
    await patch(account.accessToken, { rateLimitPerMinute: null });
    const limited = await createTestKey(account, { rateLimitPerMinute: 2 });
    const first = await whoamiWith(limited.key);
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("2");
    expect((await whoamiWith(limited.key)).status).toBe(200);
    const refused = await whoamiWith(limited.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-limit")).toBe("2");
    const verified = await (await call(verify, { body: { key: limited.key } })).json();
    expect(verified).toMatchObject({ valid: false, code: "RATE_LIMITED" });
  });

  it("is held to a ceiling the operator lowers later, even when the tenant chose none", async () => {
    const account = await createAccount("ceiling-later");
    await patch(account.accessToken, { rateLimitPerMinute: null });
    overrideEnvForTests({ tenantRateLimitMax: 3 });
    // Keys loaded from now on carry the effective limit (a cache fill reads the ceiling).
    const key = await createTestKey(account);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await whoamiWith(key.key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
