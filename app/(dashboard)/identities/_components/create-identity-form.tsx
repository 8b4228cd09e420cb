"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import { createIdentityAction } from "../actions";
import { IdentityMetadataField, LimitsField } from "./identity-fields";
import {
  IDENTITY_FIELD_FOR,
  type IdentityFormValues,
  identityFormSchema,
  toIdentityInput,
} from "./identity-form-schema";

const EMPTY: IdentityFormValues = { externalId: "", metadata: "", ratelimits: "" };

export function CreateIdentityForm() {
  const router = useRouter();
  const form = useForm<IdentityFormValues>({
    defaultValues: EMPTY,
    mode: "onChange",
    resolver: zodFormResolver(identityFormSchema),
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    const result = await submitAction(
      form,
      () => createIdentityAction(toIdentityInput(values)),
      IDENTITY_FIELD_FOR,
    );
    if (result.ok) router.push(`/identities/${result.data.id}`);
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} />
      <Field
        label="External id"
        hint="Your own id for this customer (user or organisation), unique in this workspace."
        error={errors.externalId?.message}
      >
        <Input placeholder="org_42" maxLength={256} {...form.register("externalId")} />
      </Field>
      <IdentityMetadataField field={form.register("metadata")} error={errors.metadata?.message} />
      <LimitsField field={form.register("ratelimits")} error={errors.ratelimits?.message} />
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create identity"}
        </Button>
      </div>
    </form>
  );
}
