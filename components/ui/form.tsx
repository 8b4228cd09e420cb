"use client";

import type { FieldErrors, FieldValues, Path, Resolver, UseFormReturn } from "react-hook-form";
import { z } from "zod";
import type { ActionFailure, ActionResult } from "@/lib/actions/action-result";
import { describeZodError } from "@/lib/errors/field-errors";
import { Alert } from "./alert";

// The one form idiom (docs/decisions.md): react-hook-form owns the fields, a zod schema validates
// them as you type with the same words the server uses, a server action does the work and its
// ActionResult's field errors land under the same fields.

/** A react-hook-form resolver over the one zod-to-field-errors mapping the server actions use. */
export function zodFormResolver<T extends FieldValues>(schema: z.ZodType): Resolver<T> {
  return async (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(describeZodError(parsed.error).fieldErrors))
      errors[field] = { type: "validate", message };
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}

/** A text field checked as you type by a function that names its problem, or returns null. */
export function textCheck(problem: (text: string) => string | null) {
  return z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const message = problem(value ?? "");
      if (message) ctx.addIssue({ code: "custom", message });
    });
}

const UNREACHABLE = "Something went wrong on our side; nothing was changed. Try again.";

/**
 * Runs an action for a form: a failure's field errors go under their fields (`fieldFor` renames an
 * action's field to the form's), its message to the form's alert; an ended session goes to login.
 */
export async function submitAction<T extends FieldValues, R>(
  form: UseFormReturn<T>,
  call: () => Promise<ActionResult<R>>,
  fieldFor: Partial<Record<string, Path<T>>> = {},
): Promise<ActionResult<R>> {
  let result: ActionResult<R>;
  try {
    result = await call();
  } catch {
    result = { ok: false, code: "INTERNAL_ERROR", message: UNREACHABLE, fieldErrors: {} };
  }
  if (!result.ok) showFailure(form, result, fieldFor);
  return result;
}

function showFailure<T extends FieldValues>(
  form: UseFormReturn<T>,
  failure: ActionFailure,
  fieldFor: Partial<Record<string, Path<T>>>,
) {
  if (failure.code === "UNAUTHORIZED") window.location.assign("/login");
  const names = Object.keys(form.getValues());
  let placed = 0;
  for (const [field, message] of Object.entries(failure.fieldErrors)) {
    const name = fieldFor[field] ?? (names.includes(field) ? (field as Path<T>) : null);
    if (!name) continue;
    form.setError(name, { type: "server", message }, { shouldFocus: placed === 0 });
    placed++;
  }
  form.setError("root", { type: failure.code, message: placed > 0 ? "" : failure.message });
}

/** The form's own message: the server's answer, or a success note the form sets itself. */
export function FormAlert({
  error,
  success,
}: {
  error: { message?: string } | undefined;
  success?: string | null;
}) {
  if (error?.message) return <Alert tone="error">{error.message}</Alert>;
  // The fields' own errors are the alerts; this line only points at them.
  if (error)
    return <p className="text-sm font-medium text-danger">Nothing was saved. Fix the fields marked below.</p>;
  return success ? <Alert tone="success">{success}</Alert> : null;
}
