import "server-only";
import { findPasswordHash, replacePassword } from "@/lib/dal/account-password";
import type { TenantContext } from "@/lib/dal/context";
import { AppError, rateLimitedError } from "@/lib/errors/app-error";
import type { ChangePasswordInput } from "@/lib/schemas/account";
import { getStores } from "@/lib/stores";
import { throttledAttempt } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";

/**
 * A signed-in user changes their password. The current one is asked for and checked through the
 * login throttle (a stolen session must not become a password oracle); then every other session
 * of the user ends, in the same transaction as the new hash.
 */
export async function changePassword(
  ctx: TenantContext,
  input: ChangePasswordInput,
): Promise<{ sessionsEnded: number }> {
  const account = await findPasswordHash(ctx.userId);
  if (!account) throw new AppError("UNAUTHORIZED", "Your session has ended. Log in again.");
  const attempt = await throttledAttempt(
    getStores().rateLimiter,
    { email: account.email },
    ctx.ip,
    async () => ((await verifyPassword(input.currentPassword, account.passwordHash)) ? true : null),
  );
  if ("blockedFor" in attempt)
    throw rateLimitedError(
      attempt.blockedFor,
      `Too many wrong passwords. Try again in ${attempt.blockedFor} seconds.`,
    );
  if (!attempt.result) {
    const message = "That is not your current password.";
    throw new AppError("VALIDATION_ERROR", message, { fields: [{ path: "currentPassword", message }] });
  }
  return replacePassword(ctx, await hashPassword(input.newPassword));
}
