"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction } from "@/components/ui/form";
import { updateTenantSettingsAction } from "../actions";

type Values = { name: string; rateLimitPerMinute: number; maxTokenLifetimeSeconds: number };

export function TenantSettingsForm({ readOnly, ...initial }: Values & { readOnly: boolean }) {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: initial, disabled: readOnly });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;
  const save = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await submitAction(form, () => updateTenantSettingsAction(values));
    if (result.ok) {
      setSaved("Settings saved.");
      form.reset(values);
    }
  });
  return (
    <form onSubmit={save} className="max-w-lg space-y-4" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} success={saved} />
      <Field label="Workspace name" error={errors.name?.message}>
        <Input {...register("name")} />
      </Field>
      <Field
        label="Rate limit (verifications per minute, whole tenant)"
        error={errors.rateLimitPerMinute?.message}
      >
        <Input type="number" min={1} {...register("rateLimitPerMinute", { valueAsNumber: true })} />
      </Field>
      <Field
        label="Maximum JWT lifetime (seconds)"
        hint="Client tokens whose exp − iat exceeds this are refused. 30 to 3600; 900 is the default."
        error={errors.maxTokenLifetimeSeconds?.message}
      >
        <Input
          type="number"
          min={30}
          max={3600}
          {...register("maxTokenLifetimeSeconds", { valueAsNumber: true })}
        />
      </Field>
      {readOnly ? (
        <p className="text-sm text-ink-muted">
          You have read-only access. Ask an owner or admin to change these.
        </p>
      ) : (
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save settings"}
        </Button>
      )}
    </form>
  );
}
