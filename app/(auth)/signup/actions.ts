"use server";

import { headers } from "next/headers";
import { AppError } from "@/lib/api/app-error";
import { clientIpFromHeaders } from "@/lib/api/client-ip";
import { hashPassword } from "@/lib/auth/password";
import { registerInput } from "@/lib/auth/schemas";
import { registerAccount } from "@/lib/dal/accounts";

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
    await registerAccount({
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
      tenantName: parsed.data.tenantName,
      ip: clientIpFromHeaders(await headers()),
    });
  } catch (error) {
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
