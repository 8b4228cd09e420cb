"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction } from "@/components/ui/form";
import { signupAction } from "../actions";

type Values = { tenantName: string; email: string; password: string };

export function SignupForm() {
  const router = useRouter();
  const form = useForm<Values>({ defaultValues: { tenantName: "", email: "", password: "" } });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;
  const [leaving, setLeaving] = useState(false);

  const submit = form.handleSubmit(async (values) => {
    const result = await submitAction(form, () => signupAction(values));
    if (!result.ok) return;
    // The account exists now; sign in with what was just typed.
    const login = await signIn("credentials", {
      email: values.email,
      password: values.password,
      redirect: false,
    });
    if (login?.ok && !login.error) {
      setLeaving(true); // stays busy while the dashboard loads
      router.replace("/onboarding");
      router.refresh();
      return;
    }
    form.setError("root", {
      type: "signin",
      message: "Your account was created, but we could not log you in. Please log in.",
    });
  });

  const busy = isSubmitting || leaving;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-busy={busy}>
      <FormAlert error={errors.root} />
      <Field label="Company or project name" error={errors.tenantName?.message}>
        <Input autoComplete="organization" required {...register("tenantName")} />
      </Field>
      <Field label="Work email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" required {...register("email")} />
      </Field>
      <Field label="Password" hint="At least 10 characters." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" required {...register("password")} />
      </Field>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Creating your workspace…" : "Create account"}
      </Button>
    </form>
  );
}
