"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form";
import { describeLoginError, mfaChallengeOf } from "./login-errors";
import { MfaCodeStep } from "./mfa-code-step";

type Values = { email: string; password: string };

/**
 * Log in goes through next-auth's credentials callback, not a server action: it sets the cookie.
 * With 2FA on, the password step answers with a challenge, kept in this component's state only,
 * and the code step finishes the login through the `mfa` provider.
 */
export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [leaving, setLeaving] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting, submitCount } = form.formState;
  // next-auth's own redirect (?error=…) speaks until the form is submitted again.
  const initialError = submitCount === 0 ? describeLoginError(params.get("error")) : null;

  const enter = () => {
    setLeaving(true);
    router.replace("/keys");
    router.refresh();
  };

  const submit = form.handleSubmit(async (values) => {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) return enter();
    const pending = mfaChallengeOf(result?.error);
    if (pending) {
      setChallenge(pending);
      return;
    }
    form.setError("root", { type: "signin", message: describeLoginError(result?.error ?? "unknown") ?? "" });
  });

  if (challenge)
    return (
      <MfaCodeStep
        challenge={challenge}
        onDone={enter}
        onExpired={(message) => {
          setChallenge(null);
          form.setValue("password", "");
          form.setError("root", { type: "signin", message });
        }}
      />
    );

  const busy = isSubmitting || leaving;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-busy={busy}>
      <FormAlert error={errors.root ?? (initialError ? { message: initialError } : undefined)} />
      <Field label="Email">
        <Input type="email" autoComplete="email" required {...form.register("email")} />
      </Field>
      <Field label="Password">
        <Input type="password" autoComplete="current-password" required {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Logging in…" : "Log in"}
      </Button>
    </form>
  );
}
