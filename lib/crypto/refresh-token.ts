import { createHash, randomBytes } from "node:crypto";

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** Opaque, 256 bits of randomness; only its SHA-256 is stored, so a database leak yields nothing usable. */
export function generateRefreshToken(): string {
  return `rt_${randomBytes(32).toString("base64url")}`;
}

export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
