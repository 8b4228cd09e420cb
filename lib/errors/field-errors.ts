import { z } from "zod";
import { AppError } from "./app-error";

/**
 * The one mapping from zod issues to field errors, built on `z.flattenError`, for the API's
 * VALIDATION_ERROR (`details.fields`), server actions and forms validating as you type alike, so
 * all three say the same words. Field names are never read back out of message text.
 */

/** As the API answers them: `details.fields`, each with its dotted path ("ipAllowlist.1"). */
export type FieldIssue = { path: string; message: string };
/** As forms show them: one message per top-level input field. */
export type FieldErrors = Record<string, string>;

type Issue = FieldIssue & { entry?: number };

function flatten(error: z.ZodError) {
  const flat = z.flattenError(error, (issue): Issue => {
    const index = issue.path[1];
    const mapped: Issue = { path: issue.path.map(String).join("."), message: issue.message };
    if (typeof index === "number") mapped.entry = index;
    return mapped;
  });
  return { form: flat.formErrors, fields: Object.entries(flat.fieldErrors) as [string, Issue[]][] };
}

/** The parsed value, or a 400 VALIDATION_ERROR. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** A 400 VALIDATION_ERROR naming the first problem, with every problem in `details.fields`. */
export function validationError(error: z.ZodError): AppError {
  const { form, fields } = flatten(error);
  const issues = [...form, ...fields.flatMap(([, each]) => each)].map(({ path, message }) => ({
    path,
    message,
  }));
  const first = issues[0];
  const message = first
    ? `${first.path ? `${first.path}: ` : ""}${first.message}`
    : "The request is invalid.";
  return new AppError("VALIDATION_ERROR", message, { fields: issues });
}

/** For a form: one message per field; a list entry's problem names the entry ("Entry 2: …"). */
export function describeZodError(error: z.ZodError): { message: string; fieldErrors: FieldErrors } {
  const { form, fields } = flatten(error);
  const fieldErrors: FieldErrors = {};
  for (const [field, [first]] of fields) {
    if (first)
      fieldErrors[field] =
        first.entry === undefined ? first.message : `Entry ${first.entry + 1}: ${first.message}`;
  }
  return { message: form[0]?.message ?? "Check the highlighted fields.", fieldErrors };
}

/**
 * Field errors an AppError carries in `details.fields` (`[{path, message}]`, as validationError and
 * the DAL write them); the first segment of the path names the form field.
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
