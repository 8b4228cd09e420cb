import "server-only";
import { registerAccount } from "@/lib/dal/accounts";
import { getEnv } from "@/lib/env";
import { rateLimitedError } from "@/lib/errors/app-error";
import type { RegisterInput } from "@/lib/schemas/auth";
import { getStores } from "@/lib/stores";
import { hashPassword } from "./password";

const SIGNUP_WINDOW_MS = 60 * 60_000;

/**
 * Sign-up, shared by POST /api/auth/register and the sign-up page's action. Every attempt from an
 * address counts (SIGNUP_RATE_LIMIT per hour), taken before the 32 MiB scrypt runs: a flood of
 * anonymous sign-ups is refused cheaply, and an attempt on a taken email costs the same as any
 * other, which bounds how fast addresses can be probed (see docs/security.md). Hashing itself is
 * bounded too (lib/auth/hashing-slots.ts).
 */
export async function registerWithThrottle(
  input: RegisterInput,
  ip: string,
): Promise<{ userId: string; tenantId: string }> {
  await spendSignupBudget(ip);
  return registerAccount({
    email: input.email,
    passwordHash: await hashPassword(input.password),
    tenantName: input.tenantName,
    ip,
  });
}

/** One sign-up from this address (SIGNUP_RATE_LIMIT per hour), or 429: new accounts from invitations too. */
export async function spendSignupBudget(ip: string): Promise<void> {
  const limit = getEnv().signupRateLimit;
  const result = await getStores().rateLimiter.consume(`signup:ip:${ip}`, limit, SIGNUP_WINDOW_MS);
  if (!result.allowed) {
    throw rateLimitedError(
      result.retryAfterSeconds,
      `Too many sign-ups from this address. Try again in ${result.retryAfterSeconds} seconds.`,
    );
  }
}
