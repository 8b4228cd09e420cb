"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import type { IdentityDto } from "@/lib/schemas/identities";
import { deleteIdentityAction, updateIdentityAction } from "../actions";
import { IdentityMetadataField, LimitsField } from "./identity-fields";
import {
  IDENTITY_FIELD_FOR,
  type IdentityFormValues,
  identityFormSchema,
  toIdentityInput,
} from "./identity-form-schema";

const json = (value: unknown, empty: string) =>
  JSON.stringify(value) === empty ? "" : JSON.stringify(value, null, 2);

export function IdentitySettingsForm({ identity }: { identity: IdentityDto }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<IdentityFormValues>({
    defaultValues: {
      externalId: identity.externalId,
      metadata: json(identity.metadata, "{}"),
      ratelimits: json(identity.ratelimits, "[]"),
    },
    mode: "onChange",
    resolver: zodFormResolver(identityFormSchema),
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await submitAction(
      form,
      () => updateIdentityAction(identity.id, toIdentityInput(values)),
      IDENTITY_FIELD_FOR,
    );
    if (!result.ok) return;
    setSaved("Saved. Its keys use the new settings within a second.");
    router.refresh();
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} success={saved} />
      <Field label="External id" error={errors.externalId?.message}>
        <Input maxLength={256} {...form.register("externalId")} />
      </Field>
      <IdentityMetadataField field={form.register("metadata")} error={errors.metadata?.message} />
      <LimitsField field={form.register("ratelimits")} error={errors.ratelimits?.message} />
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}

/** Deleting is refused while live keys link to the identity; the server's message says which. */
export function DeleteIdentityButton({ id }: { id: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const remove = async () => {
    if (!window.confirm("Delete this identity? Its keys must be unlinked or revoked first.")) return;
    setPending(true);
    const result = await deleteIdentityAction(id, {}).catch(() => null);
    setPending(false);
    if (result?.ok) router.push("/identities");
    else setError(result?.message ?? "Something went wrong on our side; nothing was changed.");
  };
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" variant="danger" size="sm" onClick={remove} disabled={pending}>
        {pending ? "Deleting…" : "Delete identity"}
      </Button>
    </div>
  );
}
