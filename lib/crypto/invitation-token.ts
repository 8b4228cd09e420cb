import { createHash, randomBytes } from "node:crypto";

/** Invitations expire after seven days (issue 11). */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/** 256 random bits; only the SHA-256 is stored, so the link cannot be rebuilt from a database dump. */
export function generateInvitationToken(): string {
  return `inv_${randomBytes(32).toString("base64url")}`;
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
