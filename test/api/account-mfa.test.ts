import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as disableMfa } from "@/app/api/account/mfa/disable/route";
import { POST as confirmEnrolment } from "@/app/api/account/mfa/enrolment/confirm/route";
import { POST as startEnrolment } from "@/app/api/account/mfa/enrolment/route";
import { GET as mfaStatus } from "@/app/api/account/mfa/route";
import { POST as loginMfa } from "@/app/api/auth/login/mfa/route";
import { POST as login } from "@/app/api/auth/login/route";
import { GET as getTenant } from "@/app/api/tenants/me/route";
import { getDb } from "@/db/client";
import { auditEvents, mfaChallenges, mfaRecoveryCodes, userMfa } from "@/db/schema";
import { LOGIN_LIMITS } from "@/lib/auth/login-throttle";
import { totpCodeAt } from "@/lib/crypto/totp";
import { createAccount, PASSWORD } from "../accounts";
import { call, uniqueIp } from "../http";
import { enrolMfa, freshCode, letStepsPass, loginWithCode, passwordStep } from "../mfa";

async function auditActions(tenantId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, tenantId))
    .orderBy(desc(auditEvents.id));
  return rows.map((row) => row.action);
}

describe("2FA enrolment (/api/account/mfa/…)", () => {
  it("shows the secret once, turns on with a right code only, and keeps secret and codes sealed or hashed", async () => {
    const account = await createAccount("mfa-enrol");
    const started = await call(startEnrolment, { token: account.accessToken, method: "POST" });
    expect(started.status).toBe(201);
    expect(started.headers.get("cache-control")).toBe("no-store");
    const enrolment = await started.json();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect((await (await call(mfaStatus, { token: account.accessToken })).json()).enabled).toBe(false);

    const wrong = await call(confirmEnrolment, { token: account.accessToken, body: { code: "000000" } });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.details.fields[0].path).toBe("code");

    const confirmed = await call(confirmEnrolment, {
      token: account.accessToken,
      body: { code: totpCodeAt(enrolment.secret, Date.now()) },
    });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = await confirmed.json();
    expect(recoveryCodes).toHaveLength(10);

    const status = await (await call(mfaStatus, { token: account.accessToken })).json();
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // Once on, set-up cannot be restarted (that would be a way around "turning off asks for a code").
    expect((await call(startEnrolment, { token: account.accessToken, method: "POST" })).status).toBe(409);

    const db = await getDb();
    const [factor] = await db.select().from(userMfa).where(eq(userMfa.userId, account.userId));
    expect(factor?.secretSealed).toMatch(/^v1\./);
    expect(factor?.secretSealed).not.toContain(enrolment.secret);
    const stored = await db
      .select()
      .from(mfaRecoveryCodes)
      .where(eq(mfaRecoveryCodes.userId, account.userId));
    const hashes = stored.map((row) => row.codeHash).join(" ");
    for (const code of recoveryCodes) {
      expect(hashes).not.toContain(code);
      expect(hashes).not.toContain(code.replaceAll("-", ""));
    }
    expect(await auditActions(account.tenantId)).toContain("auth.mfa_enabled");
  });

  it("asks for a code from the app to confirm, and says which field is wrong", async () => {
    const account = await createAccount("mfa-confirm");
    const none = await call(confirmEnrolment, { token: account.accessToken, body: { code: "123456" } });
    expect(none.status).toBe(409);
    await call(startEnrolment, { token: account.accessToken, method: "POST" });
    const bad = await call(confirmEnrolment, { token: account.accessToken, body: { code: "12ab" } });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details.fields).toEqual([
      { path: "code", message: "Enter the 6-digit code from your authenticator app." },
    ]);
  });

  it("answers 401 to anonymous callers on every route", async () => {
    for (const [route, init] of [
      [mfaStatus, {}],
      [startEnrolment, { method: "POST" }],
      [confirmEnrolment, { body: { code: "123456" } }],
      [disableMfa, { body: { code: "123456" } }],
    ] as const) {
      const res = await call(route, init);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("login with 2FA on (POST /api/auth/login → /api/auth/login/mfa)", () => {
  it("answers MFA_REQUIRED with a challenge instead of tokens, then tokens for the challenge and a right code", async () => {
    const account = await createAccount("mfa-login");
    const { secret } = await enrolMfa(account.accessToken);

    const first = await call(login, { body: { email: account.email, password: PASSWORD } });
    expect(first.status).toBe(401);
    const body = await first.json();
    expect(body.error.code).toBe("MFA_REQUIRED");
    expect(body.error.details.challenge).toMatch(/^mfa_[\w-]{43}$/);
    expect(body.error.details.expiresIn).toBe(300);
    expect(body.accessToken).toBeUndefined();
    expect(first.headers.get("cache-control")).toBe("no-store");

    const challenge = body.error.details.challenge;
    const wrong = await call(loginMfa, { body: { challenge, code: "000000" } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("INVALID_MFA_CODE");

    // A wrong code leaves the challenge for another try.
    const ok = await call(loginMfa, { body: { challenge, code: await freshCode(account.userId, secret) } });
    expect(ok.status).toBe(200);
    const tokens = await ok.json();
    expect(tokens.tokenType).toBe("Bearer");
    expect((await call(getTenant, { token: tokens.accessToken })).status).toBe(200);

    // The challenge is spent.
    await letStepsPass(account.userId);
    const again = await call(loginMfa, {
      body: { challenge, code: await freshCode(account.userId, secret) },
    });
    expect(again.status).toBe(401);
    expect((await again.json()).error.code).toBe("INVALID_MFA_CHALLENGE");

    // Only the challenge's hash is stored.
    const db = await getDb();
    const rows = await db.select().from(mfaChallenges).where(eq(mfaChallenges.userId, account.userId));
    expect(rows.map((row) => row.tokenHash).join(" ")).not.toContain(challenge);
  });

  it("refuses a code that was already used, and an earlier one, within their window", async () => {
    const account = await createAccount("mfa-replay");
    const { secret } = await enrolMfa(account.accessToken);
    const code = await freshCode(account.userId, secret);
    expect((await loginWithCode(account.email, code)).status).toBe(200);

    const replayed = await loginWithCode(account.email, code);
    expect(replayed.status).toBe(401);
    expect((await replayed.json()).error.code).toBe("INVALID_MFA_CODE");

    // The code of the step before the one used is within the window too, and refused as well.
    const db = await getDb();
    const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, account.userId));
    const earlier = totpCodeAt(secret, ((row?.lastUsedStep ?? 0) - 1) * 30_000 + 1);
    expect((await loginWithCode(account.email, earlier)).status).toBe(401);

    // Two logins racing with one code: one succeeds.
    await letStepsPass(account.userId);
    const next = await freshCode(account.userId, secret);
    const [a, b] = await Promise.all([passwordStep(account.email), passwordStep(account.email)]);
    const results = await Promise.all([
      call(loginMfa, { body: { challenge: a, code: next } }),
      call(loginMfa, { body: { challenge: b, code: next } }),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 401]);
  });

  it("accepts each recovery code once, in any case and spacing, and audits its use", async () => {
    const account = await createAccount("mfa-recovery");
    const { recoveryCodes } = await enrolMfa(account.accessToken);
    const [code] = recoveryCodes as [string];
    const typed = code.toUpperCase().replaceAll("-", " ");
    const ok = await loginWithCode(account.email, typed);
    expect(ok.status).toBe(200);
    const { accessToken } = await ok.json();
    expect((await (await call(mfaStatus, { token: accessToken })).json()).recoveryCodesLeft).toBe(9);
    expect(await auditActions(account.tenantId)).toContain("auth.mfa_recovery_code_used");

    const reused = await loginWithCode(account.email, code);
    expect(reused.status).toBe(401);
    expect((await reused.json()).error.code).toBe("INVALID_MFA_CODE");
    // Another account's recovery code is not this one's.
    const other = await createAccount("mfa-recovery-other");
    const otherCodes = (await enrolMfa(other.accessToken)).recoveryCodes;
    expect((await loginWithCode(account.email, otherCodes[0] as string)).status).toBe(401);
  });

  it("refuses an expired challenge, and one that was never issued", async () => {
    const account = await createAccount("mfa-expiry");
    const { secret } = await enrolMfa(account.accessToken);
    const challenge = await passwordStep(account.email);
    const db = await getDb();
    await db
      .update(mfaChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(mfaChallenges.userId, account.userId)));
    const expired = await call(loginMfa, {
      body: { challenge, code: await freshCode(account.userId, secret) },
    });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe("INVALID_MFA_CHALLENGE");
    const forged = await call(loginMfa, { body: { challenge: `mfa_${"A".repeat(43)}`, code: "123456" } });
    expect((await forged.json()).error.code).toBe("INVALID_MFA_CHALLENGE");
  });

  it("throttles codes like passwords: parallel guesses beyond the budget are not evaluated", async () => {
    const account = await createAccount("mfa-throttle");
    const { secret } = await enrolMfa(account.accessToken);
    const attacker = uniqueIp();
    const challenge = await passwordStep(account.email, attacker);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(loginMfa, { body: { challenge, code: String(100000 + i) }, ip: attacker }),
      ),
    );
    const statuses = guesses.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.accountAddress.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LOGIN_LIMITS.accountAddress.limit);
    const blocked = await call(loginMfa, {
      body: { challenge, code: await freshCode(account.userId, secret) },
      ip: attacker,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The owner, from another address, still gets in.
    expect((await loginWithCode(account.email, await freshCode(account.userId, secret))).status).toBe(200);
  }, 120_000);

  it("validates the body with field details", async () => {
    const res = await call(loginMfa, { body: { challenge: "", code: "12" } });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(["challenge", "code"]);
  });
});

describe("turning 2FA off (POST /api/account/mfa/disable)", () => {
  it("asks for a code, then turns off: logins need the password only again", async () => {
    const account = await createAccount("mfa-off");
    const { secret, recoveryCodes } = await enrolMfa(account.accessToken);
    expect((await call(disableMfa, { token: account.accessToken, body: {} })).status).toBe(400);
    const wrong = await call(disableMfa, { token: account.accessToken, body: { code: "000000" } });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.details.fields[0].path).toBe("code");
    expect((await (await call(mfaStatus, { token: account.accessToken })).json()).enabled).toBe(true);

    const off = await call(disableMfa, {
      token: account.accessToken,
      body: { code: await freshCode(account.userId, secret) },
    });
    expect(off.status).toBe(204);
    expect((await (await call(mfaStatus, { token: account.accessToken })).json()).enabled).toBe(false);
    expect((await call(login, { body: { email: account.email, password: PASSWORD } })).status).toBe(200);
    expect(await auditActions(account.tenantId)).toContain("auth.mfa_disabled");
    // The recovery codes went with it.
    const db = await getDb();
    expect(
      await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, account.userId)),
    ).toEqual([]);
    expect(recoveryCodes).toHaveLength(10);
    expect((await call(disableMfa, { token: account.accessToken, body: { code: "123456" } })).status).toBe(
      400,
    );
  });

  it("accepts a recovery code too", async () => {
    const account = await createAccount("mfa-off-recovery");
    const { recoveryCodes } = await enrolMfa(account.accessToken);
    const off = await call(disableMfa, { token: account.accessToken, body: { code: recoveryCodes[3] } });
    expect(off.status).toBe(204);
  });
});
