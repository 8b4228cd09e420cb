"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction } from "@/components/ui/form";
import { updateTenantSettingsAction } from "../actions";

type Values = {
  name: string;
  rateLimitPerMinute: number;
  /** No tenant limit: saved as rateLimitPerMinute null. */
  unlimited: boolean;
  maxTokenLifetimeSeconds: number;
};

type Props = {
  name: string;
  /** null: no tenant limit. */
  rateLimitPerMinute: number | null;
  maxTokenLifetimeSeconds: number;
  /** The operator's ceiling (TENANT_RATE_LIMIT_MAX); null: none, and "Unlimited" may be chosen. */
  ceiling: number | null;
  readOnly: boolean;
};

function rateLimitHint(ceiling: number | null, stored: number | null, unlimited: boolean): string {
  if (unlimited) return "No workspace limit: only each key's own limit, if it has one, applies.";
  if (ceiling === null)
    return "Or tick Unlimited: the workspace is then held only by each key's own limit, if it has one.";
  if (stored === null)
    return `No limit of your own is set; this deployment holds every workspace to at most ${ceiling} per minute.`;
  return `At most ${ceiling} per minute on this deployment.`;
}

export function TenantSettingsForm({ readOnly, ceiling, rateLimitPerMinute, ...initial }: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const defaults: Values = {
    ...initial,
    unlimited: rateLimitPerMinute === null && ceiling === null,
    // What the field offers when Unlimited is unticked again.
    rateLimitPerMinute: rateLimitPerMinute ?? Math.min(100, ceiling ?? 100),
  };
  // Read-only is a disabled <fieldset>, not useForm's `disabled`: that one sets every field's DOM
  // `disabled` after mount, behind React's back, and would re-enable the limit under "Unlimited".
  const form = useForm<Values>({ defaultValues: defaults });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;
  const unlimited = form.watch("unlimited");
  const save = form.handleSubmit(async (values) => {
    setSaved(null);
    const { unlimited: none, ...rest } = values;
    const input = { ...rest, rateLimitPerMinute: none ? null : rest.rateLimitPerMinute };
    const result = await submitAction(form, () => updateTenantSettingsAction(input));
    if (result.ok) {
      setSaved("Settings saved.");
      form.reset(values);
    }
  });
  return (
    <form onSubmit={save} className="max-w-lg" noValidate aria-busy={isSubmitting}>
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        <FormAlert error={errors.root} success={saved} />
        <Field label="Workspace name" error={errors.name?.message}>
          <Input {...register("name")} />
        </Field>
        <div className="space-y-2">
          <Field
            label="Rate limit (verifications per minute, whole workspace)"
            hint={rateLimitHint(ceiling, rateLimitPerMinute, unlimited)}
            error={errors.rateLimitPerMinute?.message}
          >
            <Input
              type="number"
              min={1}
              max={ceiling ?? undefined}
              {...register("rateLimitPerMinute", { valueAsNumber: true })}
              disabled={unlimited}
            />
          </Field>
          {ceiling === null ? (
            <label className="flex items-center gap-2 text-sm text-ink">
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300"
                {...register("unlimited")}
              />
              Unlimited
            </label>
          ) : null}
        </div>
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
      </fieldset>
    </form>
  );
}
