"use client";

import { useForm } from "react-hook-form";
import { type CreditPreset, presetValues } from "@/components/keys/credits";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import { createKeyAction, type IssuedKey } from "../actions";
import { AllowlistField } from "./allowlist-field";
import { CreditsField } from "./credits-field";
import { ExpiryField } from "./expiry-field";
import { KEY_FIELD_FOR, type KeyFormValues, keyFormSchema, toCreateKeyInput } from "./key-form-schema";
import { KeyTypePicker } from "./key-type-picker";
import { MetadataField } from "./metadata-field";
import { PublicKeyField } from "./public-key-field";
import { ScopePicker } from "./scope-picker";

const ENVIRONMENTS = [
  { value: "live", label: "Live" },
  { value: "test", label: "Test" },
] as const;

const EMPTY: KeyFormValues = {
  name: "",
  description: "",
  type: "secret",
  environment: "live",
  publicKey: "",
  scopes: [],
  ipAllowlist: "",
  expiresAt: "never",
  expiresOn: "",
  metadata: "",
  creditsPreset: "none",
  creditsRemaining: "",
  creditsRefill: "none",
  creditsRefillAmount: "",
  externalId: "",
};

export function CreateKeyForm({
  scopeCatalog,
  onCreated,
  onCancel,
}: {
  scopeCatalog: string[];
  onCreated: (key: IssuedKey) => void;
  onCancel: () => void;
}) {
  const form = useForm<KeyFormValues>({
    defaultValues: EMPTY,
    mode: "onChange",
    resolver: zodFormResolver(keyFormSchema),
  });
  const { register, watch, setValue, formState } = form;
  const { errors, isSubmitting } = formState;
  const [type, expiresAt, ipAllowlist, creditsPreset, creditsRefill] = watch([
    "type",
    "expiresAt",
    "ipAllowlist",
    "creditsPreset",
    "creditsRefill",
  ]);
  // A preset fills in its numbers; they stay editable.
  const presetField = register("creditsPreset", {
    onChange: (event: { target: { value: string } }) => {
      const values = presetValues(event.target.value as CreditPreset);
      setValue("creditsRemaining", values.remaining, { shouldValidate: true });
      setValue("creditsRefill", values.refill);
      setValue("creditsRefillAmount", values.refillAmount, { shouldValidate: true });
    },
  });
  const blocked = Object.keys(errors).some((name) => name !== "root");

  const submit = form.handleSubmit(async (values) => {
    const result = await submitAction(form, () => createKeyAction(toCreateKeyInput(values)), KEY_FIELD_FOR);
    if (result.ok) onCreated(result.data);
  });

  return (
    <form onSubmit={submit} className="space-y-5" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} />
      <Field label="Name" error={errors.name?.message}>
        <Input placeholder="Checkout backend" maxLength={100} required data-autofocus {...register("name")} />
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        <Input placeholder="Who uses it, and for what" maxLength={500} {...register("description")} />
      </Field>
      <KeyTypePicker value={type} field={register("type")} />
      {type === "public_key" ? (
        <PublicKeyField
          value={watch("publicKey")}
          onChange={(pem) => setValue("publicKey", pem, { shouldValidate: true, shouldDirty: true })}
          error={errors.publicKey?.message}
        />
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Environment">
          <Select options={ENVIRONMENTS} {...register("environment")} />
        </Field>
        <ExpiryField
          preset={expiresAt}
          presetField={register("expiresAt", { deps: "expiresOn" })}
          dateField={register("expiresOn")}
          error={errors.expiresOn?.message}
        />
      </div>
      <ScopePicker
        catalog={scopeCatalog}
        value={watch("scopes")}
        onChange={(scopes) => setValue("scopes", scopes, { shouldDirty: true })}
        error={errors.scopes?.message}
      />
      <AllowlistField
        value={ipAllowlist}
        field={register("ipAllowlist")}
        error={errors.ipAllowlist?.message}
      />
      <CreditsField
        preset={creditsPreset ?? "none"}
        refill={creditsRefill ?? "none"}
        presetField={presetField}
        remainingField={register("creditsRemaining")}
        refillField={register("creditsRefill", { deps: "creditsRefillAmount" })}
        refillAmountField={register("creditsRefillAmount")}
        errors={{
          remaining: errors.creditsRemaining?.message,
          refillAmount: errors.creditsRefillAmount?.message,
        }}
      />
      <MetadataField field={register("metadata")} error={errors.metadata?.message} />
      <Field
        label="Customer (optional)"
        hint="Your own id for the customer this key belongs to. It links the key to that identity, which is created if it does not exist yet."
        error={errors.externalId?.message}
      >
        <Input placeholder="org_42" maxLength={256} {...register("externalId")} />
      </Field>
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting || blocked}>
          {isSubmitting ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
