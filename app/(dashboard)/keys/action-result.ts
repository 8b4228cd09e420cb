import type { z } from "zod";
import { AppError } from "@/lib/api/app-error";

export type ActionFailure = { ok: false; message: string; fieldErrors: Record<string, string> };

/** Zod issues as one message per top-level field; list entries say which one ("Entry 2: …"). */
export function invalidInput(error: z.ZodError): ActionFailure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const [field, index] = issue.path;
    const where = typeof index === "number" ? `Entry ${index + 1}: ` : "";
    fieldErrors[field === undefined ? "form" : String(field)] ??= `${where}${issue.message}`;
  }
  return { ok: false, message: "Check the highlighted fields.", fieldErrors };
}

/**
 * An AppError the user can act on (FORBIDDEN for viewers, INVALID_KEY_FORMAT, VALIDATION_ERROR,
 * CONFLICT, NOT_FOUND) becomes a message, attached to its field when it has one. Anything else is
 * rethrown for the error boundary: its message is not meant for users.
 */
export function userFacingFailure(error: unknown): ActionFailure {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  const fieldErrors: Record<string, string> = {};
  const fields = error.details?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields as { path?: unknown; message?: unknown }[]) {
      if (typeof field.path === "string" && typeof field.message === "string")
        fieldErrors[field.path] ??= field.message;
    }
  }
  let message = error.message;
  // The DAL names the field in the message ("publicKey: …") where it has no details.fields.
  const named = /^(publicKey|expiresAt|scopes|metadata|ipAllowlist): (.*)$/s.exec(message);
  if (named?.[1] && named[2]) {
    fieldErrors[named[1]] ??= named[2];
    message = named[2];
  }
  if (error.code === "INVALID_KEY_FORMAT") fieldErrors.publicKey ??= message;
  return { ok: false, message, fieldErrors };
}
