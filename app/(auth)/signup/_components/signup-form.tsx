"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { type SignupState, signupAction } from "../actions";

const initial: SignupState = { ok: false, fieldErrors: {} };

export function SignupForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(signupAction, initial);
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);

  // The account exists once the action succeeds; sign in with what was just typed.
  useEffect(() => {
    if (!state.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      if (result?.ok && !result.error) {
        router.replace("/onboarding");
        router.refresh();
      } else {
        setSignInError("Your account was created, but we could not log you in. Please log in.");
      }
    });
  }, [state, router]);

  return (
    <form
      action={action}
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        credentials.current = {
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
        };
      }}
      className="space-y-4"
      noValidate
    >
      {state.formError || signInError ? <Alert tone="error">{state.formError ?? signInError}</Alert> : null}
      <Field
        id="tenantName"
        name="tenantName"
        label="Company or project name"
        autoComplete="organization"
        error={state.fieldErrors.tenantName}
        defaultValue={state.values?.tenantName}
        required
      />
      <Field
        id="email"
        name="email"
        type="email"
        label="Work email"
        autoComplete="email"
        error={state.fieldErrors.email}
        defaultValue={state.values?.email}
        required
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={state.fieldErrors.password}
        required
      />
      <Button type="submit" className="w-full" disabled={pending || state.ok}>
        {pending || state.ok ? "Creating your workspace…" : "Create account"}
      </Button>
    </form>
  );
}
