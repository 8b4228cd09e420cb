import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { POST as confirmEnrolment } from "@/app/api/account/mfa/enrolment/confirm/route";
import { POST as startEnrolment } from "@/app/api/account/mfa/enrolment/route";
import { POST as loginMfa } from "@/app/api/auth/login/mfa/route";
import { POST as login } from "@/app/api/auth/login/route";
import { getDb } from "@/db/client";
import { memberships, userMfa, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { TOTP_PERIOD_SECONDS, totpCodeAt } from "@/lib/crypto/totp";
import type { Role } from "@/lib/dal/context";
import { newId } from "@/lib/ids";
import { PASSWORD } from "./accounts";
import { call, uniqueEmail, uniqueIp } from "./http";

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

/** Turns 2FA on through the real routes, as an app would: the code is computed from the secret. */
export async function enrolMfa(accessToken: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await call(startEnrolment, { token: accessToken, method: "POST" });
  expect(started.status).toBe(201);
  const { secret } = await started.json();
  const confirmed = await call(confirmEnrolment, {
    token: accessToken,
    body: { code: totpCodeAt(secret, Date.now()) },
  });
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = await confirmed.json();
  return { secret, recoveryCodes };
}

/**
 * A code the server has not seen yet (a step after the last accepted one) within the window it
 * accepts (one step either side of now): the newest such step, whose code stays valid longest
 * (30–60 s). The oldest one, the step before now, could expire within milliseconds, and a test slowed
 * by a loaded machine then saw its right code refused (CI, 2026-12-03). A test that needs more codes
 * lets time pass with `letStepsPass`.
 */
export async function freshCode(userId: string, secret: string): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ last: userMfa.lastUsedStep })
    .from(userMfa)
    .where(eq(userMfa.userId, userId));
  const now = Date.now();
  const current = Math.floor(now / STEP_MS);
  for (const step of [current + 1, current, current - 1])
    if (row?.last == null || step > row.last) return totpCodeAt(secret, step * STEP_MS + 1);
  throw new Error("no fresh code within the window: call letStepsPass first");
}

/** As if the user's last code had been used `steps` × 30 s earlier than it was. */
export async function letStepsPass(userId: string, steps = 3): Promise<void> {
  const db = await getDb();
  await db
    .update(userMfa)
    .set({ lastUsedStep: sql`${userMfa.lastUsedStep} - ${steps}` })
    .where(eq(userMfa.userId, userId));
}

/** The password step of a login with 2FA on: the challenge from the 401 MFA_REQUIRED. */
export async function passwordStep(email: string, ip = uniqueIp()): Promise<string> {
  const res = await call(login, { body: { email, password: PASSWORD }, ip });
  expect(res.status).toBe(401);
  const { error } = await res.json();
  expect(error.code).toBe("MFA_REQUIRED");
  return error.details.challenge;
}

export async function loginWithCode(email: string, code: string, ip = uniqueIp()) {
  const challenge = await passwordStep(email, ip);
  return call(loginMfa, { body: { challenge, code }, ip });
}

/** Another member of an existing tenant, with a password, logged in through the API when it can. */
export async function addMember(tenantId: string, role: Role) {
  const db = await getDb();
  const userId = newId("usr");
  const email = uniqueEmail(role);
  await db.insert(users).values({ id: userId, email, passwordHash: await hashPassword(PASSWORD) });
  await db.insert(memberships).values({ tenantId, userId, role });
  const res = await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() });
  const accessToken: string | null = res.status === 200 ? (await res.json()).accessToken : null;
  return { userId, email, accessToken };
}
