import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { GET as getTenant, PATCH as patchTenant } from "@/app/api/tenants/me/route";
import { getDb } from "@/db/client";
import { auditEvents, memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { newId } from "@/lib/ids";
import { createAccount, PASSWORD } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";

async function addViewer(tenantId: string) {
  const db = await getDb();
  const email = uniqueEmail("viewer");
  const userId = newId("usr");
  await db.insert(users).values({ id: userId, email, passwordHash: await hashPassword(PASSWORD) });
  await db.insert(memberships).values({ tenantId, userId, role: "viewer" });
  const res = await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() });
  return (await res.json()).accessToken as string;
}

describe("GET /api/tenants/me", () => {
  it("returns the caller's tenant and role", async () => {
    const account = await createAccount("acme");
    const res = await call(getTenant, { token: account.accessToken });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: account.tenantId,
      name: "acme Inc",
      role: "owner",
      rateLimitPerMinute: 100,
      maxTokenLifetimeSeconds: 900,
    });
  });

  it("needs an access token: missing, garbage, an API key or a foreign JWT get 401", async () => {
    const missing = await call(getTenant, {});
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await missing.json()).error.code).toBe("UNAUTHORIZED");
    const apiKey = `ak_live_${"a".repeat(49)}`;
    for (const token of ["garbage", apiKey, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."]) {
      const res = await call(getTenant, { token });
      expect(res.status).toBe(401);
      expect(res.text).not.toContain(token);
    }
  });
});

describe("PATCH /api/tenants/me", () => {
  it("updates settings and writes an audit event", async () => {
    const account = await createAccount();
    const res = await call(patchTenant, {
      method: "PATCH",
      token: account.accessToken,
      body: { name: "Renamed", rateLimitPerMinute: 250, maxTokenLifetimeSeconds: 600 },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: "Renamed",
      rateLimitPerMinute: 250,
      maxTokenLifetimeSeconds: 600,
    });
    const db = await getDb();
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, account.tenantId), eq(auditEvents.action, "tenant.updated")));
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({
      changed: ["name", "rateLimitPerMinute", "maxTokenLifetimeSeconds"],
    });
  });

  it("refuses out-of-range values and unknown fields with 400", async () => {
    const account = await createAccount();
    for (const body of [
      { maxTokenLifetimeSeconds: 7200 },
      { rateLimitPerMinute: 0 },
      { name: "x" },
      {},
      { tenantId: "ten_x" },
    ]) {
      const res = await call(patchTenant, { method: "PATCH", token: account.accessToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
  });

  it("changes only the caller's tenant; a second tenant is untouched and cannot be reached", async () => {
    const a = await createAccount("tenant-a");
    const b = await createAccount("tenant-b");
    await call(patchTenant, { method: "PATCH", token: a.accessToken, body: { name: "A renamed" } });
    const bView = await (await call(getTenant, { token: b.accessToken })).json();
    expect(bView.id).toBe(b.tenantId);
    expect(bView.name).toBe("tenant-b Inc");
  });

  it("gives viewers read access only (403 on writes)", async () => {
    const owner = await createAccount();
    const viewerToken = await addViewer(owner.tenantId);
    const read = await call(getTenant, { token: viewerToken });
    expect(read.status).toBe(200);
    expect((await read.json()).role).toBe("viewer");
    const write = await call(patchTenant, {
      method: "PATCH",
      token: viewerToken,
      body: { name: "Hijacked" },
    });
    expect(write.status).toBe(403);
    expect((await write.json()).error.code).toBe("FORBIDDEN");
  });
});
