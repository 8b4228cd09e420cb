/**
 * Every outcome a verification can be counted under: VALID, the verification codes, and the
 * server's own failures. Metrics label by these; the verification log filters by them.
 */
export const VERIFICATION_OUTCOMES = [
  "VALID",
  "MISSING_CREDENTIALS",
  "INVALID_API_KEY",
  "INVALID_TOKEN",
  "INVALID_SIGNATURE",
  "API_KEY_EXPIRED",
  "TOKEN_EXPIRED",
  "TOKEN_NOT_YET_VALID",
  "TOKEN_LIFETIME_TOO_LONG",
  "TOKEN_REPLAYED",
  "IP_NOT_ALLOWED",
  "ENVIRONMENT_MISMATCH",
  "INSUFFICIENT_SCOPE",
  "RATE_LIMITED",
  "USAGE_EXCEEDED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_ERROR",
] as const;

/** Outcomes attributed to a key (the server's own failures never are): what the log can hold. */
export const KEY_OUTCOMES = VERIFICATION_OUTCOMES.filter(
  (outcome) => outcome !== "SERVICE_UNAVAILABLE" && outcome !== "INTERNAL_ERROR",
);
