/**
 * The closed set of error codes Keydesk answers with, each with its HTTP status and the message a
 * caller sees when nothing more precise is said: the one message table, for route handlers, server
 * actions, the socket fast path and the verification checks alike. Internal detail never goes in
 * `message`; it stays in logs (without secrets). Messages never include a credential.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, message: "The request is invalid." },
  INVALID_REQUEST: { status: 400, message: "The request is ambiguous or malformed." },
  INVALID_JSON: { status: 400, message: "The request body is not valid JSON." },
  KEY_IN_QUERY: {
    status: 400,
    message: "Credentials must not be sent in the query string. Use the X-API-Key or Authorization header.",
  },
  INVALID_KEY_FORMAT: { status: 400, message: "The public key is not in a supported format." },
  UNAUTHORIZED: { status: 401, message: "Invalid or missing authentication credentials." },
  INVALID_CREDENTIALS: { status: 401, message: "Incorrect email or password." },
  INVALID_REFRESH_TOKEN: { status: 401, message: "The refresh token is invalid, expired or already used." },
  MFA_REQUIRED: {
    status: 401,
    message: "Two-factor authentication is on: send a code with the challenge to POST /api/auth/login/mfa.",
  },
  INVALID_MFA_CODE: { status: 401, message: "The code is not correct, or it was already used." },
  INVALID_MFA_CHALLENGE: {
    status: 401,
    message: "The login challenge is invalid, expired or already used. Log in again.",
  },
  MISSING_CREDENTIALS: {
    status: 401,
    message: "No API key or token was provided. Send X-API-Key: <key> or Authorization: Bearer <key or JWT>.",
  },
  INVALID_API_KEY: { status: 401, message: "The provided API key is invalid." },
  INVALID_TOKEN: { status: 401, message: "The token is invalid." },
  INVALID_SIGNATURE: { status: 401, message: "Invalid signature." },
  API_KEY_EXPIRED: { status: 401, message: "This API key has expired." },
  TOKEN_EXPIRED: { status: 401, message: "Token expired." },
  TOKEN_NOT_YET_VALID: { status: 401, message: "The token is not valid yet." },
  TOKEN_LIFETIME_TOO_LONG: {
    status: 401,
    message: "The token's lifetime is longer than this tenant allows.",
  },
  TOKEN_REPLAYED: { status: 401, message: "This token has already been used." },
  FORBIDDEN: { status: 403, message: "You do not have permission to do this." },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    message:
      "This workspace requires two-factor authentication. Log in to the dashboard to set it up, then try again.",
  },
  IP_NOT_ALLOWED: { status: 403, message: "Request from this IP address is not allowed." },
  ENVIRONMENT_MISMATCH: { status: 403, message: "The key's environment does not match the one requested." },
  INSUFFICIENT_SCOPE: { status: 403, message: "Insufficient permissions." },
  NOT_FOUND: { status: 404, message: "Not found." },
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed." },
  CONFLICT: { status: 409, message: "The request conflicts with the current state." },
  IDENTITY_HAS_KEYS: {
    status: 409,
    message: "This identity still has keys. Unlink them (or revoke them) before deleting it.",
  },
  INVITATION_INVALID: {
    status: 410,
    message: "This invitation link is not valid. Ask the workspace's owner or an admin for a new one.",
  },
  EMAIL_TAKEN: { status: 409, message: "An account with this email already exists." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the request body as application/json." },
  RATE_LIMITED: { status: 429, message: "Rate limit exceeded." },
  USAGE_EXCEEDED: { status: 429, message: "This key has no credits left for this request." },
  INTERNAL_ERROR: { status: 500, message: "Something went wrong on our side." },
  SERVICE_UNAVAILABLE: { status: 503, message: "The service is not ready." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The message a caller sees for `code` when the thrower has nothing more precise to say. */
export function errorMessage(code: ErrorCode): string {
  return ERROR_CODES[code].message;
}
