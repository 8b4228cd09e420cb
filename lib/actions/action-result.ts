import { z } from "zod";
import type { ErrorCode } from "@/lib/errors/codes";

/**
 * What every server action answers, and what every form reads: one shape, so a form never guesses.
 * Field errors are one message per top-level input field (the one shown under that field).
 */
export type FieldErrors = Record<string, string>;
export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function actionFailure(
  code: ErrorCode,
  message: string,
  fieldErrors: FieldErrors = {},
): ActionFailure {
  return { ok: false, code, message, fieldErrors };
}

/**
 * The one mapping from zod issues to field errors, used by server actions and by forms validating as
 * you type, so both say the same words. A list entry's issue names the entry ("Entry 2: …").
 */
export function describeZodError(error: z.ZodError): { message: string; fieldErrors: FieldErrors } {
  const flat = z.flattenError(error, (issue) => {
    const index = issue.path[1];
    return typeof index === "number" ? `Entry ${index + 1}: ${issue.message}` : issue.message;
  });
  const fieldErrors: FieldErrors = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors)) {
    const first = (messages as string[] | undefined)?.[0];
    if (first) fieldErrors[field] = first;
  }
  return { message: flat.formErrors[0] ?? "Check the highlighted fields.", fieldErrors };
}

/**
 * Field errors an AppError carries in `details.fields` (`[{path, message}]`, path dotted as
 * "ipAllowlist.1"); the first segment names the form field. Messages are never parsed for names.
 */
export function fieldErrorsFromDetails(details: Record<string, unknown> | undefined): FieldErrors {
  const fieldErrors: FieldErrors = {};
  const fields = details?.fields;
  if (!Array.isArray(fields)) return fieldErrors;
  for (const field of fields as { path?: unknown; message?: unknown }[]) {
    if (typeof field.path !== "string" || typeof field.message !== "string") continue;
    const name = field.path.split(".")[0];
    if (name) fieldErrors[name] ??= field.message;
  }
  return fieldErrors;
}
