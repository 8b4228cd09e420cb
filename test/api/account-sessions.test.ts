import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/account/password/route";
import { DELETE as endSession } from "@/app/api/account/sessions/[id]/route";
import { DELETE as endAll, GET as listSessions } from "@/app/api/account/sessions/route";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { GET as getTenant } from "@/app/api/tenants/me/route";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { LOGIN_LIMITS } from "@/lib/auth/login-throttle";
import { createAccount, PASSWORD, type TestAccount } from "../accounts";
import { call, uniqueIp } from "../http";
import { addMember } from "../mfa";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function secondLogin(account: TestAccount, ip = "198.51.100.7") {
  const res = await call(login, {
    body: { email: account.email, password: PASSWORD },
    ip,
    headers: { "user-agent": CHROME },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { accessToken: string; refreshToken: string };
}

const sessionsOf = async (token: string) => (await (await call(listSessions, { token })).json()).data;

describe("GET /api/account/sessions", () => {
  it("lists the caller's own live sessions with address, client and last activity, this one marked", async () => {
    const a = await createAccount("sessions-a");
    const b = await createAccount("sessions-b");
    await secondLogin(a);
    const list = await sessionsOf(a.accessToken);
    expect(list).toHaveLength(2);
    expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect(other).toMatchObject({ kind: "api", ip: "198.51.100.7", userAgent: CHROME });
    expect(Date.parse(other.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    // Nothing of B's.
    const bIds = (await sessionsOf(b.accessToken)).map((s: { id: string }) => s.id);
    expect(list.map((s: { id: string }) => s.id).some((id: string) => bIds.includes(id))).toBe(false);
  });

  it("is 401 for anonymous callers, on every route", async () => {
    expect((await call(listSessions)).status).toBe(401);
    expect((await call(endAll, { method: "DELETE" })).status).toBe(401);
    expect((await call(endSession, { method: "DELETE", params: { id: "ses_x" } })).status).toBe(401);
    expect(
      (await call(changePassword, { body: { currentPassword: "x", newPassword: "y".repeat(12) } })).status,
    ).toBe(401);
  });
});

describe("DELETE /api/account/sessions/{id}", () => {
  it("signs out one of the caller's sessions: its access and refresh tokens stop at once", async () => {
    const a = await createAccount("end-one");
    const other = await secondLogin(a);
    const target = (await sessionsOf(a.accessToken)).find((s: { current: boolean }) => !s.current);
    const res = await call(endSession, { token: a.accessToken, method: "DELETE", params: { id: target.id } });
    expect(res.status).toBe(204);
    expect((await call(getTenant, { token: other.accessToken })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: other.refreshToken } })).status).toBe(401);
    expect((await call(getTenant, { token: a.accessToken })).status).toBe(200);
    expect(await sessionsOf(a.accessToken)).toHaveLength(1);
  });

  it("answers another user's session exactly like an unknown one (404), and leaves it alone", async () => {
    const a = await createAccount("end-foreign-a");
    const b = await createAccount("end-foreign-b");
    const bSession = (await sessionsOf(b.accessToken))[0];
    const foreign = await call(endSession, {
      token: a.accessToken,
      method: "DELETE",
      params: { id: bSession.id },
    });
    const unknown = await call(endSession, {
      token: a.accessToken,
      method: "DELETE",
      params: { id: "ses_nope" },
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await unknown.json());
    expect((await call(getTenant, { token: b.accessToken })).status).toBe(200);
    // A member of the same workspace cannot end the owner's session either.
    const admin = await addMember(a.tenantId, "admin");
    const aSession = (await sessionsOf(a.accessToken))[0];
    expect(
      (
        await call(endSession, {
          token: admin.accessToken ?? "",
          method: "DELETE",
          params: { id: aSession.id },
        })
      ).status,
    ).toBe(404);
  });
});

describe("DELETE /api/account/sessions (sign out everywhere)", () => {
  it("ends every session of the caller, this one included", async () => {
    const a = await createAccount("everywhere");
    const other = await secondLogin(a);
    expect((await call(endAll, { token: a.accessToken, method: "DELETE" })).status).toBe(204);
    expect((await call(getTenant, { token: a.accessToken })).status).toBe(401);
    expect((await call(getTenant, { token: other.accessToken })).status).toBe(401);
  });
});

describe("POST /api/account/password", () => {
  it("checks the current password, then ends every other session and refresh-token family", async () => {
    const a = await createAccount("password");
    const other = await secondLogin(a);
    const third = await secondLogin(a, "198.51.100.9");
    const newPassword = "a brand new passphrase";

    const wrong = await call(changePassword, {
      token: a.accessToken,
      body: { currentPassword: "not my password", newPassword },
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.details.fields).toEqual([
      { path: "currentPassword", message: "That is not your current password." },
    ]);
    const short = await call(changePassword, {
      token: a.accessToken,
      body: { currentPassword: PASSWORD, newPassword: "short" },
    });
    expect((await short.json()).error.details.fields[0].path).toBe("newPassword");

    const ok = await call(changePassword, {
      token: a.accessToken,
      body: { currentPassword: PASSWORD, newPassword },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ sessionsEnded: 2 });
    for (const session of [other, third]) {
      expect((await call(getTenant, { token: session.accessToken })).status).toBe(401);
      expect((await call(refresh, { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    }
    expect((await call(getTenant, { token: a.accessToken })).status).toBe(200);
    expect((await call(login, { body: { email: a.email, password: PASSWORD }, ip: uniqueIp() })).status).toBe(
      401,
    );
    expect(
      (await call(login, { body: { email: a.email, password: newPassword }, ip: uniqueIp() })).status,
    ).toBe(200);

    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, a.tenantId), eq(auditEvents.action, "auth.password_changed")));
    expect(event).toMatchObject({ action: "auth.password_changed", details: { sessionsEnded: 2 } });
    expect(JSON.stringify(event)).not.toContain(newPassword);
  });

  it("is open to viewers (it is their own account)", async () => {
    const owner = await createAccount("password-viewer");
    const viewer = await addMember(owner.tenantId, "viewer");
    const res = await call(changePassword, {
      token: viewer.accessToken ?? "",
      body: { currentPassword: PASSWORD, newPassword: "viewer's new passphrase" },
    });
    expect(res.status).toBe(200);
  });

  it("throttles wrong current passwords like logins", async () => {
    const a = await createAccount("password-throttle");
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_LIMITS.accountAddress.limit; i++) {
      const res = await call(changePassword, {
        token: a.accessToken,
        body: { currentPassword: `wrong-${i}-guess`, newPassword: "another passphrase" },
        ip,
      });
      expect(res.status).toBe(400);
    }
    const blocked = await call(changePassword, {
      token: a.accessToken,
      body: { currentPassword: PASSWORD, newPassword: "another passphrase" },
      ip,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
