import { createHash, randomBytes } from "node:crypto";

/**
 * The second step of a login that needs a code: 256 random bits, handed to the client that got the
 * password right, and stored only as SHA-256 (like refresh tokens), so a database read does not let
 * anyone finish someone else's login.
 */
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;

export function generateChallengeToken(): string {
  return `mfa_${randomBytes(32).toString("base64url")}`;
}

export function hashChallengeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
