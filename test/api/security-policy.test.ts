import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as disableMfa } from "@/app/api/account/mfa/disable/route";
import { POST as login } from "@/app/api/auth/login/route";
import { GET as getTenant } from "@/app/api/tenants/me/route";
import { GET as getPolicy, PATCH as setPolicy } from "@/app/api/tenants/me/security-policy/route";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { beginMfaEnrolment, confirmMfaEnrolment } from "@/lib/auth/mfa-enrolment";
import { totpCodeAt } from "@/lib/crypto/totp";
import { createBrowserSession, findLiveBrowserSession } from "@/lib/dal/browser-sessions";
import { createAccount, PASSWORD } from "../accounts";
import { call, uniqueIp } from "../http";
import { addMember, enrolMfa, freshCode } from "../mfa";

describe("workspace policy: require 2FA (/api/tenants/me/security-policy)", () => {
  it("is off by default, and only an owner with 2FA on can turn it on", async () => {
    const owner = await createAccount("policy-owner");
    const admin = await addMember(owner.tenantId, "admin");
    const viewer = await addMember(owner.tenantId, "viewer");

    const initial = await call(getPolicy, { token: owner.accessToken });
    expect(await initial.json()).toEqual({ requireMfa: false, membersWithoutMfa: 3 });
    expect((await call(getPolicy, { token: viewer.accessToken ?? "" })).status).toBe(200);

    for (const member of [admin, viewer]) {
      const res = await call(setPolicy, {
        token: member.accessToken ?? "",
        method: "PATCH",
        body: { requireMfa: true },
      });
      expect(res.status).toBe(403);
    }
    const withoutOwn2fa = await call(setPolicy, {
      token: owner.accessToken,
      method: "PATCH",
      body: { requireMfa: true },
    });
    expect(withoutOwn2fa.status).toBe(409);

    await enrolMfa(owner.accessToken);
    const on = await call(setPolicy, {
      token: owner.accessToken,
      method: "PATCH",
      body: { requireMfa: true },
    });
    expect(on.status).toBe(200);
    expect(await on.json()).toEqual({ requireMfa: true, membersWithoutMfa: 2 });
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, owner.tenantId));
    expect(events.find((e) => e.action === "tenant.mfa_policy_changed")?.details).toEqual({
      requireMfa: true,
    });

    const bad = await call(setPolicy, {
      token: owner.accessToken,
      method: "PATCH",
      body: { requireMfa: "yes" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields[0].path).toBe("requireMfa");
    expect((await call(getPolicy)).status).toBe(401);
  });

  it("holds back members without 2FA at once: tokens refused, API login refused, browser sent to enrol", async () => {
    const owner = await createAccount("policy-hold");
    const member = await addMember(owner.tenantId, "admin");
    const outsider = await createAccount("policy-outsider");
    await enrolMfa(owner.accessToken);
    const browserSession = await createBrowserSession({
      userId: member.userId,
      tenantId: owner.tenantId,
      ip: "::1",
    });
    const claims = { sessionId: browserSession, userId: member.userId, tenantId: owner.tenantId };
    expect((await findLiveBrowserSession(claims))?.mustEnrolMfa).toBe(false);

    await call(setPolicy, { token: owner.accessToken, method: "PATCH", body: { requireMfa: true } });

    const refused = await call(getTenant, { token: member.accessToken ?? "" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("MFA_ENROLMENT_REQUIRED");
    const apiLogin = await call(login, { body: { email: member.email, password: PASSWORD }, ip: uniqueIp() });
    expect(apiLogin.status).toBe(403);
    expect((await apiLogin.json()).error.code).toBe("MFA_ENROLMENT_REQUIRED");
    expect((await findLiveBrowserSession(claims))?.mustEnrolMfa).toBe(true);
    // Another workspace is untouched.
    expect((await call(getTenant, { token: outsider.accessToken })).status).toBe(200);

    // The set-up page's actions still serve the held-back session; once 2FA is on, all is well again.
    const ctx = {
      ...claims,
      role: "admin" as const,
      actor: { type: "user" as const, id: member.userId },
      ip: "::1",
    };
    const { secret } = await beginMfaEnrolment(ctx);
    await confirmMfaEnrolment(ctx, totpCodeAt(secret, Date.now()));
    expect((await findLiveBrowserSession(claims))?.mustEnrolMfa).toBe(false);
    expect((await call(getTenant, { token: member.accessToken ?? "" })).status).toBe(200);
  });

  it("keeps members from turning 2FA off while the workspace requires it", async () => {
    const owner = await createAccount("policy-keep");
    const { secret } = await enrolMfa(owner.accessToken);
    await call(setPolicy, { token: owner.accessToken, method: "PATCH", body: { requireMfa: true } });
    const res = await call(disableMfa, {
      token: owner.accessToken,
      body: { code: await freshCode(owner.userId, secret) },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  });
});
