import "server-only";
import {
  generateChallengeToken,
  hashChallengeToken,
  MFA_CHALLENGE_TTL_SECONDS,
} from "@/lib/crypto/challenge-token";
import { findSecondFactorState } from "@/lib/dal/mfa";
import { createMfaChallenge, type LiveChallenge, redeemMfaChallenge } from "@/lib/dal/mfa-challenges";
import { AppError } from "@/lib/errors/app-error";
import { spendSecondFactor, withCodeThrottle } from "./second-factor";

/**
 * What a login needs after the right password, for the browser and POST /api/auth/login alike:
 * nothing more; a code (a challenge is issued, bound to the user and workspace, for 5 minutes); or
 * enrolment first, when the workspace requires 2FA and the user has not turned it on.
 */
export type SecondStep =
  | { kind: "none" }
  | { kind: "code"; challenge: string; expiresIn: number }
  | { kind: "enrol" };

export async function secondFactorStep(login: { userId: string; tenantId: string }): Promise<SecondStep> {
  const state = await findSecondFactorState(login.userId, login.tenantId);
  if (state?.mfaEnabled) {
    const challenge = generateChallengeToken();
    await createMfaChallenge({
      tokenHash: hashChallengeToken(challenge),
      userId: login.userId,
      tenantId: login.tenantId,
      expiresAt: new Date(Date.now() + MFA_CHALLENGE_TTL_SECONDS * 1000),
    });
    return { kind: "code", challenge, expiresIn: MFA_CHALLENGE_TTL_SECONDS };
  }
  return state?.requiredByWorkspace ? { kind: "enrol" } : { kind: "none" };
}

/**
 * The second step: a live challenge and a right code (from the app, or a recovery code) give the
 * user and workspace to open a session for; the challenge is then spent. A wrong code keeps the
 * challenge and counts against the code throttle (429 past it).
 */
export async function completeMfaLogin(challenge: string, code: string, ip: string): Promise<LiveChallenge> {
  const result = await redeemMfaChallenge(
    hashChallengeToken(challenge),
    (tx, live) => withCodeThrottle(live.userId, ip, () => spendSecondFactor(tx, live.userId, code)),
    ip,
  );
  if (result.ok) return result.challenge;
  throw new AppError(result.reason === "invalid_challenge" ? "INVALID_MFA_CHALLENGE" : "INVALID_MFA_CODE");
}

/**
 * POST /api/auth/login's second step, kept apart from the password check: with 2FA on, the answer
 * is 401 MFA_REQUIRED carrying the challenge (a client that predates 2FA sees a failed login, not
 * a 200 without tokens); a workspace that requires 2FA the user has not set up refuses tokens.
 */
export async function refuseTokensWithoutSecondFactor(login: {
  userId: string;
  tenantId: string;
}): Promise<void> {
  const next = await secondFactorStep(login);
  if (next.kind === "code")
    throw new AppError("MFA_REQUIRED", undefined, { challenge: next.challenge, expiresIn: next.expiresIn });
  if (next.kind === "enrol") throw new AppError("MFA_ENROLMENT_REQUIRED");
}
