import "server-only";
import { findLoginUser } from "@/lib/dal/accounts";
import type { Role } from "@/lib/dal/context";
import { getStores } from "@/lib/stores";
import { loginBlockedFor, recordLoginFailure, recordLoginSuccess } from "./login-throttle";
import { burnPasswordCheck, verifyPassword } from "./password";

export type PasswordLoginResult =
  | { ok: true; userId: string; email: string; tenantId: string; role: Role }
  | { ok: false; code: "INVALID_CREDENTIALS" }
  | { ok: false; code: "RATE_LIMITED"; retryAfterSeconds: number };

/**
 * The one password check, shared by the browser (next-auth) and POST /api/auth/login, so both get
 * the same throttling. Unknown email and wrong password answer alike.
 */
export async function passwordLogin(
  email: string,
  password: string,
  ip: string,
): Promise<PasswordLoginResult> {
  const { rateLimiter } = getStores();
  const blockedFor = await loginBlockedFor(rateLimiter, email, ip);
  if (blockedFor > 0) return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: blockedFor };

  const user = await findLoginUser(email);
  let valid = false;
  if (user) valid = await verifyPassword(password, user.passwordHash);
  else await burnPasswordCheck(password);
  if (!user || !valid) {
    await recordLoginFailure(rateLimiter, email, ip);
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }
  await recordLoginSuccess(rateLimiter, email);
  return { ok: true, userId: user.userId, email: user.email, tenantId: user.tenantId, role: user.role };
}
