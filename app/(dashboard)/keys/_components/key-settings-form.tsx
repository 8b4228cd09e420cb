"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { allowlistEntries, expiryFrom, parseMetadata } from "@/components/keys/field-helpers";
import { formatDateTime } from "@/components/keys/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { updateKeyAction } from "../actions";
import { AllowlistField } from "./allowlist-field";
import { EmbeddedClaims } from "./embedded-claims";
import { ExpiryField } from "./expiry-field";
import { KEY_FIELD_FOR, type KeyFormValues, keyFormSchema } from "./key-form-schema";
import { MetadataField } from "./metadata-field";
import { ScopePicker } from "./scope-picker";
import { changedSettings } from "./settings-patch";

type Props = { apiKey: ApiKeyDto; scopeCatalog: string[]; lockedReason: string | null };
type SettingsValues = Omit<KeyFormValues, "type" | "environment" | "publicKey">;

function initialValues(key: ApiKeyDto): SettingsValues {
  return {
    name: key.name,
    description: key.description ?? "",
    scopes: key.scopes,
    ipAllowlist: key.ipAllowlist.join("\n"),
    expiresAt: "keep",
    expiresOn: "",
    metadata: Object.keys(key.metadata).length ? JSON.stringify(key.metadata, null, 2) : "",
  };
}

/** Sends only what changed, so the audit trail names the fields that really did. */
export function KeySettingsForm({ apiKey, scopeCatalog, lockedReason }: Props) {
  const router = useRouter();
  const signed = apiKey.type === "signed";
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<SettingsValues>({
    defaultValues: initialValues(apiKey),
    mode: "onChange",
    resolver: zodFormResolver(keyFormSchema),
    disabled: lockedReason !== null,
  });
  const { register, watch, setValue, formState } = form;
  const { errors, isSubmitting } = formState;
  const [expiresAt, ipAllowlist] = watch(["expiresAt", "ipAllowlist"]);
  const blocked = Object.keys(errors).some((name) => name !== "root");

  const save = form.handleSubmit(async (values) => {
    setSaved(null);
    const patch = changedSettings(apiKey, {
      name: values.name,
      description: values.description.trim() || null,
      ipAllowlist: allowlistEntries(values.ipAllowlist),
      ...(signed
        ? {}
        : {
            scopes: values.scopes,
            metadata: parseMetadata(values.metadata),
            ...(values.expiresAt === "keep"
              ? {}
              : { expiresAt: expiryFrom(values.expiresAt, values.expiresOn) }),
          }),
    });
    if (Object.keys(patch).length === 0) return setSaved("Nothing changed.");
    const result = await submitAction(form, () => updateKeyAction(apiKey.id, patch), KEY_FIELD_FOR);
    if (!result.ok) return;
    setSaved("Settings saved.");
    form.reset({ ...values, expiresAt: "keep", expiresOn: "" });
    router.refresh();
  });

  return (
    <form onSubmit={save} className="space-y-5" noValidate aria-busy={isSubmitting}>
      {lockedReason ? <Alert tone="info">{lockedReason}</Alert> : null}
      <FormAlert error={errors.root} success={saved} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" error={errors.name?.message}>
          <Input maxLength={100} {...register("name")} />
        </Field>
        <Field label="Description" error={errors.description?.message}>
          <Input maxLength={500} {...register("description")} />
        </Field>
      </div>
      {signed ? null : (
        <fieldset disabled={lockedReason !== null || isSubmitting} className="min-w-0">
          <ScopePicker
            catalog={scopeCatalog}
            value={watch("scopes")}
            onChange={(scopes) => setValue("scopes", scopes, { shouldDirty: true })}
            error={errors.scopes?.message}
          />
        </fieldset>
      )}
      <AllowlistField
        value={ipAllowlist}
        field={register("ipAllowlist")}
        error={errors.ipAllowlist?.message}
      />
      {signed ? (
        <EmbeddedClaims apiKey={apiKey} />
      ) : (
        <>
          <ExpiryField
            preset={expiresAt}
            presetField={register("expiresAt", { deps: "expiresOn" })}
            dateField={register("expiresOn")}
            error={errors.expiresOn?.message}
            keepLabel={`Unchanged (${apiKey.expiresAt ? formatDateTime(apiKey.expiresAt) : "never"})`}
          />
          <MetadataField field={register("metadata")} error={errors.metadata?.message} />
        </>
      )}
      {lockedReason ? null : (
        <div className="flex justify-end border-t border-slate-100 pt-4">
          <Button type="submit" disabled={isSubmitting || blocked}>
            {isSubmitting ? "Saving…" : "Save changes"}
          </Button>
        </div>
      )}
    </form>
  );
}
