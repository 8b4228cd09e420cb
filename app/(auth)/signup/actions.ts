"use server";

import { headers } from "next/headers";
import { AppError } from "@/lib/api/app-error";
import { clientIpFromHeaders } from "@/lib/api/client-ip";
import { registerWithThrottle } from "@/lib/auth/register";
import { registerInput } from "@/lib/auth/schemas";

export type SignupState = {
  ok: boolean;
  fieldErrors: Partial<Record<"email" | "password" | "tenantName", string>>;
  formError?: string;
  /** Echoed so the form keeps what was typed (never the password). */
  values?: { email: string; tenantName: string };
};

export async function signupAction(_prev: SignupState, form: FormData): Promise<SignupState> {
  const values = { email: String(form.get("email") ?? ""), tenantName: String(form.get("tenantName") ?? "") };
  const parsed = registerInput.safeParse({
    email: form.get("email"),
    password: form.get("password"),
    tenantName: form.get("tenantName"),
  });
  if (!parsed.success) {
    const fieldErrors: SignupState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SignupState["fieldErrors"];
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors, values };
  }
  try {
    await registerWithThrottle(parsed.data, clientIpFromHeaders(await headers()));
  } catch (error) {
    // Throttled or busy: the same words the API sends, on the form.
    if (
      error instanceof AppError &&
      (error.code === "RATE_LIMITED" || error.code === "SERVICE_UNAVAILABLE")
    ) {
      return { ok: false, fieldErrors: {}, formError: error.message, values };
    }
    if (error instanceof AppError && error.code === "EMAIL_TAKEN") {
      return {
        ok: false,
        fieldErrors: { email: "An account with this email already exists. Log in instead." },
        values,
      };
    }
    throw error;
  }
  return { ok: true, fieldErrors: {} };
}
