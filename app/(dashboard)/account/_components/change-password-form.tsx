"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import { changePasswordInput } from "@/lib/schemas/account";
import { changePasswordAction } from "../actions";

type Values = { currentPassword: string; newPassword: string };

const ended = (n: number) =>
  n === 0 ? "No other session was open." : `${n} other session${n === 1 ? " was" : "s were"} signed out.`;

export function ChangePasswordForm() {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({
    defaultValues: { currentPassword: "", newPassword: "" },
    resolver: zodFormResolver(changePasswordInput),
  });
  const { errors, isSubmitting } = form.formState;
  const save = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await submitAction(form, () => changePasswordAction(values));
    if (result.ok) {
      setSaved(`Password changed. ${ended(result.data.sessionsEnded)}`);
      form.reset({ currentPassword: "", newPassword: "" });
    }
  });
  return (
    <form onSubmit={save} className="space-y-4" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} success={saved} />
      <Field label="Current password" error={errors.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label="New password" hint="At least 10 characters." error={errors.newPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
