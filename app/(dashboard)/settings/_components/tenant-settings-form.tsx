"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { type TenantSettingsState, updateTenantSettingsAction } from "../actions";

type Props = { name: string; rateLimitPerMinute: number; maxTokenLifetimeSeconds: number; readOnly: boolean };

const initial: TenantSettingsState = { ok: false, fieldErrors: {} };

export function TenantSettingsForm({ name, rateLimitPerMinute, maxTokenLifetimeSeconds, readOnly }: Props) {
  const [state, action, pending] = useActionState(updateTenantSettingsAction, initial);
  return (
    <form action={action} className="max-w-lg space-y-4">
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      <fieldset disabled={readOnly || pending} className="space-y-4">
        <Field
          id="name"
          name="name"
          label="Workspace name"
          defaultValue={name}
          error={state.fieldErrors.name}
        />
        <Field
          id="rateLimitPerMinute"
          name="rateLimitPerMinute"
          type="number"
          min={1}
          label="Rate limit (verifications per minute, whole tenant)"
          defaultValue={rateLimitPerMinute}
          error={state.fieldErrors.rateLimitPerMinute}
        />
        <Field
          id="maxTokenLifetimeSeconds"
          name="maxTokenLifetimeSeconds"
          type="number"
          min={30}
          max={3600}
          label="Maximum JWT lifetime (seconds)"
          hint="Client tokens whose exp − iat exceeds this are refused. 30 to 3600; 900 is the default."
          defaultValue={maxTokenLifetimeSeconds}
          error={state.fieldErrors.maxTokenLifetimeSeconds}
        />
      </fieldset>
      {readOnly ? (
        <p className="text-sm text-ink-muted">
          You have read-only access. Ask an owner or admin to change these.
        </p>
      ) : (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
      )}
    </form>
  );
}
