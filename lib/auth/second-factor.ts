import "server-only";
import type { Database } from "@/db/client";
import { hashRecoveryCode, normalizeRecoveryCode } from "@/lib/crypto/recovery-codes";
import { seal, unseal } from "@/lib/crypto/seal";
import { isTotpCodeShape, matchTotpStep } from "@/lib/crypto/totp";
import { claimRecoveryCode, claimTotpStep, findEnabledMfaSecret } from "@/lib/dal/mfa";
import { getEnv } from "@/lib/env";
import { rateLimitedError } from "@/lib/errors/app-error";
import { getStores } from "@/lib/stores";
import { throttledAttempt } from "./login-throttle";

/** The seal's purpose for TOTP secrets: a sealed signing secret cannot be unsealed as one. */
const SEAL_PURPOSE = "totp-secret";

export const sealTotpSecret = (secret: string) => seal(secret, getEnv().authSecret, SEAL_PURPOSE);
export const unsealTotpSecret = (sealed: string) => unseal(sealed, getEnv().authSecret, SEAL_PURPOSE);

export type SecondFactorMethod = "totp" | "recovery_code";

/**
 * Checks a code against the user's enabled factor and spends it: a TOTP code's step is recorded
 * (refused if that step or a later one was already used), a recovery code is marked used. With
 * `db` a transaction, the spending is part of it. Null for anything else, wrong or reused alike.
 */
export async function spendSecondFactor(
  db: Database,
  userId: string,
  code: string,
  nowMs = Date.now(),
): Promise<SecondFactorMethod | null> {
  const sealed = await findEnabledMfaSecret(userId, db);
  if (!sealed) return null;
  if (isTotpCodeShape(code)) {
    const step = matchTotpStep(unsealTotpSecret(sealed), code, nowMs);
    return step !== null && (await claimTotpStep(db, userId, step)) ? "totp" : null;
  }
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) return null;
  const spent = await claimRecoveryCode(db, userId, hashRecoveryCode(normalized, getEnv().authSecret));
  return spent ? "recovery_code" : null;
}

/**
 * Codes are throttled like passwords (lib/auth/login-throttle.ts), in buckets of the user's own:
 * an attempt is reserved before the code is looked at and kept when the code was wrong. `check`
 * answers null for a wrong code; past the limit, 429 with Retry-After.
 */
export async function withCodeThrottle<T>(
  userId: string,
  ip: string,
  check: () => Promise<T | null>,
): Promise<T | null> {
  const attempt = await throttledAttempt(getStores().rateLimiter, { userId }, ip, check);
  if ("blockedFor" in attempt)
    throw rateLimitedError(
      attempt.blockedFor,
      `Too many wrong codes. Try again in ${attempt.blockedFor} seconds.`,
    );
  return attempt.result;
}
