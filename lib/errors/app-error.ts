import { ERROR_CODES, type ErrorCode } from "./codes";

/**
 * An error meant for the caller: its code, a user-safe message and optional details. Anything
 * else thrown is answered as INTERNAL_ERROR, so internals never leak into a response.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    details?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function rateLimitedError(retryAfterSeconds: number, message?: string): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    "RATE_LIMITED",
    message ?? `Rate limit exceeded. Try again in ${seconds} seconds.`,
    { retryAfter: seconds },
    { "Retry-After": String(seconds) },
  );
}
