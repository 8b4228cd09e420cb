import "server-only";
import { findLoginUser } from "@/lib/dal/accounts";
import type { Role } from "@/lib/dal/context";
import { getStores } from "@/lib/stores";
import { reserveLoginAttempt, settleLoginAttempt } from "./login-throttle";
import { burnPasswordCheck, verifyPassword } from "./password";

export type PasswordLoginResult =
  | { ok: true; userId: string; email: string; tenantId: string; role: Role }
  | { ok: false; code: "INVALID_CREDENTIALS" }
  /** The password was right, but the account is not a member of the workspace asked for (or any). */
  | { ok: false; code: "NOT_A_MEMBER" }
  | { ok: false; code: "RATE_LIMITED"; retryAfterSeconds: number };

async function checkPassword(email: string, password: string, tenantId: string | undefined) {
  const user = await findLoginUser(email, tenantId);
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}

/**
 * The one password check, shared by the browser (next-auth) and POST /api/auth/login, so both get
 * the same throttling (lib/auth/login-throttle.ts). The attempt is reserved before the password is
 * checked. Unknown email and wrong password answer alike. The workspace is `tenantId` if given,
 * else the one the user used last; membership is told only to the holder of the right password.
 * Throws SERVICE_UNAVAILABLE when the server is already hashing as many passwords as it allows
 * (lib/auth/hashing-slots.ts).
 */
export async function passwordLogin(
  email: string,
  password: string,
  ip: string,
  tenantId?: string,
): Promise<PasswordLoginResult> {
  const { rateLimiter } = getStores();
  const blockedFor = await reserveLoginAttempt(rateLimiter, email, ip);
  if (blockedFor > 0) return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: blockedFor };

  let user: Awaited<ReturnType<typeof checkPassword>>;
  try {
    user = await checkPassword(email, password, tenantId);
  } catch (error) {
    // Not evaluated (busy, database down): the attempt must not count against the owner.
    await settleLoginAttempt(rateLimiter, email, ip, "not_evaluated");
    throw error;
  }
  if (!user) return { ok: false, code: "INVALID_CREDENTIALS" };
  await settleLoginAttempt(rateLimiter, email, ip, "success");
  if (!user.tenantId || !user.role) return { ok: false, code: "NOT_A_MEMBER" };
  return { ok: true, userId: user.userId, email: user.email, tenantId: user.tenantId, role: user.role };
}
