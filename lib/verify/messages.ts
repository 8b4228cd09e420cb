import type { VerificationErrorCode } from "./types";

/** User-safe messages, phrased as the seed products phrase them. Never include the credential. */
export const VERIFICATION_MESSAGES: Record<VerificationErrorCode, string> = {
  MISSING_CREDENTIALS:
    "No API key or token was provided. Send X-API-Key: <key> or Authorization: Bearer <key or JWT>.",
  INVALID_API_KEY: "The provided API key is invalid.",
  INVALID_TOKEN: "The token is invalid.",
  INVALID_SIGNATURE: "Invalid signature.",
  API_KEY_EXPIRED: "This API key has expired.",
  TOKEN_EXPIRED: "Token expired.",
  TOKEN_NOT_YET_VALID: "The token is not valid yet.",
  TOKEN_LIFETIME_TOO_LONG: "The token's lifetime is longer than this tenant allows.",
  TOKEN_REPLAYED: "This token has already been used.",
  IP_NOT_ALLOWED: "Request from this IP address is not allowed.",
  ENVIRONMENT_MISMATCH: "The key's environment does not match the one requested.",
  INSUFFICIENT_SCOPE: "Insufficient permissions.",
  RATE_LIMITED: "Rate limit exceeded.",
};
