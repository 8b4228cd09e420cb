"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form";

/** Turns next-auth's error string into words; `RATE_LIMITED:<seconds>` comes from our 429. */
function describeLoginError(error: string | null | undefined): string | null {
  if (!error) return null;
  const limited = /^RATE_LIMITED:(\d+)$/.exec(error);
  if (limited) {
    const seconds = Number(limited[1]);
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    return `Too many failed attempts. For your security, logins are paused — try again in ${wait}.`;
  }
  if (error === "CredentialsSignin") return "Incorrect email or password.";
  if (error === "NO_WORKSPACE")
    return "Your account is not a member of any workspace any more. Ask an owner or admin to invite you again.";
  return "We could not log you in. Please try again.";
}

type Values = { email: string; password: string };

/** Log in goes through next-auth's credentials callback, not a server action: it sets the cookie. */
export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [leaving, setLeaving] = useState(false);
  const form = useForm<Values>({ defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting, submitCount } = form.formState;
  // next-auth's own redirect (?error=…) speaks until the form is submitted again.
  const initialError = submitCount === 0 ? describeLoginError(params.get("error")) : null;

  const submit = form.handleSubmit(async (values) => {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      setLeaving(true);
      router.replace("/keys");
      router.refresh();
      return;
    }
    form.setError("root", { type: "signin", message: describeLoginError(result?.error ?? "unknown") ?? "" });
  });

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
