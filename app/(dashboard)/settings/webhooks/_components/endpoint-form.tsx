"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FieldGroup, Input } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import { SecretModal } from "@/components/ui/secret-modal";
import {
  type CreateWebhookInput,
  createWebhookInput,
  WEBHOOK_EVENT_TYPES,
  type WebhookEndpointDto,
} from "@/lib/schemas/webhooks";
import { createWebhookAction, updateWebhookAction } from "../actions";
import { EVENT_LABELS } from "./event-labels";

type Values = Pick<CreateWebhookInput, "url" | "description" | "eventTypes">;

const EMPTY: Values = { url: "", description: "", eventTypes: ["key.revoked", "key.leaked"] };

/**
 * Creates an endpoint (then shows its signing secret, once) or, given `endpoint`, edits its URL,
 * description and subscriptions. The same schema as the server checks as you type.
 */
export function EndpointForm({ endpoint, onSaved }: { endpoint?: WebhookEndpointDto; onSaved?: () => void }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const initial: Values = endpoint
    ? {
        url: endpoint.url,
        description: endpoint.description,
        eventTypes: endpoint.eventTypes as Values["eventTypes"],
      }
    : EMPTY;
  const form = useForm<Values>({ defaultValues: initial, resolver: zodFormResolver(createWebhookInput) });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    if (endpoint) {
      const result = await submitAction(form, () => updateWebhookAction(endpoint.id, values));
      if (!result.ok) return;
      form.reset(values);
      onSaved?.();
      return router.refresh();
    }
    const result = await submitAction(form, () => createWebhookAction(values));
    if (!result.ok) return;
    form.reset(EMPTY);
    setCreated(result.data);
  });
  return (
    <>
      <form onSubmit={submit} className="space-y-4" noValidate aria-busy={isSubmitting}>
        <FormAlert error={errors.root} />
        <Field
          label="Endpoint URL"
          hint="Where Keydesk POSTs each event. It must answer 2xx within 10 seconds; redirects are not followed."
          error={errors.url?.message}
        >
          <Input
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://example.com/webhooks/keydesk"
            {...form.register("url")}
          />
        </Field>
        <Field
          label="Description"
          hint="Optional: who owns it, what it does."
          error={errors.description?.message}
        >
          <Input autoComplete="off" placeholder="Pager alerts" {...form.register("description")} />
        </Field>
        <FieldGroup label="Events to send" error={errors.eventTypes?.message}>
          <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex min-w-0 items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  value={type}
                  className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
                  {...form.register("eventTypes")}
                />
                <span className="min-w-0">
                  <code className="font-mono text-xs text-ink">{type}</code>
                  <span className="block text-xs text-ink-muted">{EVENT_LABELS[type]}</span>
                </span>
              </label>
            ))}
          </div>
        </FieldGroup>
        <div className="flex justify-end gap-2">
          {endpoint && onSaved ? (
            <Button type="button" variant="secondary" onClick={onSaved}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : endpoint ? "Save changes" : "Add endpoint"}
          </Button>
        </div>
      </form>
      <SecretModal
        title="Endpoint added"
        secret={created?.secret ?? null}
        kind="webhook_secret"
        note="Receivers verify the webhook-signature header with it, e.g. with a Standard Webhooks library. Rotating it later keeps the old one signing for 24 hours."
        onClose={() => setCreated(null)}
        onDone={() => {
          setCreated(null);
          if (created) router.push(`/settings/webhooks/${created.id}`);
        }}
      />
    </>
  );
}
