"use client";

import { type FormEvent, useState, useTransition } from "react";
import type { ActionFailure } from "@/app/(dashboard)/keys/action-result";
import { createKeyAction, type IssueResult } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { AllowlistField, allowlistInvalid } from "./allowlist-field";
import { ExpiryField } from "./expiry-field";
import { allowlistEntries, expiryFrom, expiryProblem, metadataProblem, parseMetadata } from "./field-helpers";
import { type KeyType, KeyTypePicker } from "./key-type-picker";
import { MetadataField } from "./metadata-field";
import { PublicKeyField, pemLooksPrivate } from "./public-key-field";
import { ScopePicker } from "./scope-picker";

const ENVIRONMENTS = [
  { value: "live", label: "Live" },
  { value: "test", label: "Test" },
] as const;

const SOMETHING_WENT_WRONG: ActionFailure = {
  ok: false,
  message: "Something went wrong on our side; the key was not created. Try again.",
  fieldErrors: {},
};

export function CreateKeyForm({
  scopeCatalog,
  onCreated,
  onCancel,
}: {
  scopeCatalog: string[];
  onCreated: (result: Extract<IssueResult, { ok: true }>) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [type, setType] = useState<KeyType>("secret");
  const [environment, setEnvironment] = useState("live");
  const [publicKey, setPublicKey] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [allowlist, setAllowlist] = useState("");
  const [expiry, setExpiry] = useState("never");
  const [customDate, setCustomDate] = useState("");
  const [metadata, setMetadata] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = failure?.fieldErrors ?? {};
  const blocked =
    allowlistInvalid(allowlist) ||
    metadataProblem(metadata) !== null ||
    expiryProblem(expiry, customDate) !== null ||
    (type === "public_key" && pemLooksPrivate(publicKey));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked) return;
    const input = {
      name,
      description: description.trim() || undefined,
      type,
      environment,
      scopes,
      ipAllowlist: allowlistEntries(allowlist),
      expiresAt: expiryFrom(expiry, customDate),
      metadata: parseMetadata(metadata),
      ...(type === "public_key" ? { publicKey } : {}),
    };
    startTransition(async () => {
      const result = await createKeyAction(input).catch(() => SOMETHING_WENT_WRONG);
      if (result.ok) onCreated(result);
      else setFailure(result);
    });
  }

  const fieldLevel = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} className="space-y-5" noValidate aria-busy={pending}>
      {failure && !fieldLevel ? <Alert tone="error">{failure.message}</Alert> : null}
      {fieldLevel ? <Alert tone="error">The key was not created. Fix the fields marked below.</Alert> : null}
      <Field
        id="key-name"
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder="Checkout backend"
        maxLength={100}
        required
        error={errors.name}
        data-autofocus
      />
      <Field
        id="key-description"
        label="Description (optional)"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        placeholder="Who uses it, and for what"
        maxLength={500}
        error={errors.description}
      />
      <KeyTypePicker value={type} onChange={setType} />
      {type === "public_key" ? (
        <PublicKeyField id="key-pem" value={publicKey} onChange={setPublicKey} error={errors.publicKey} />
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          id="key-environment"
          label="Environment"
          value={environment}
          onChange={(event) => setEnvironment(event.target.value)}
          options={ENVIRONMENTS}
        />
        <ExpiryField
          id="key-expiry"
          preset={expiry}
          customDate={customDate}
          onPreset={setExpiry}
          onCustomDate={setCustomDate}
          error={errors.expiresAt}
        />
      </div>
      <ScopePicker catalog={scopeCatalog} value={scopes} onChange={setScopes} error={errors.scopes} />
      <AllowlistField
        id="key-allowlist"
        value={allowlist}
        onChange={setAllowlist}
        error={errors.ipAllowlist}
      />
      <MetadataField id="key-metadata" value={metadata} onChange={setMetadata} error={errors.metadata} />
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || blocked}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
