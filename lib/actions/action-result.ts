import type { ErrorCode } from "@/lib/errors/codes";
import type { FieldErrors } from "@/lib/errors/field-errors";

/**
 * What every server action answers, and what every form reads: one shape, so a form never guesses.
 * Field errors are one message per top-level input field (lib/errors/field-errors.ts).
 */
export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function actionFailure(
  code: ErrorCode,
  message: string,
  fieldErrors: FieldErrors = {},
): ActionFailure {
  return { ok: false, code, message, fieldErrors };
}
