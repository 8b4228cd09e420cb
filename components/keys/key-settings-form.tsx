"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { updateKeyAction } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ApiKeyDto } from "@/lib/dal/api-keys/dto";
import { AllowlistField, allowlistInvalid } from "./allowlist-field";
import { EmbeddedClaims } from "./embedded-claims";
import { ExpiryField } from "./expiry-field";
import { allowlistEntries, expiryFrom, expiryProblem, metadataProblem, parseMetadata } from "./field-helpers";
import { formatDateTime } from "./format";
import { MetadataField } from "./metadata-field";
import { ScopePicker } from "./scope-picker";
import { changedSettings } from "./settings-patch";

type Props = { apiKey: ApiKeyDto; scopeCatalog: string[]; lockedReason: string | null };

/** Sends only what changed, so the audit trail names the fields that really did. */
export function KeySettingsForm({ apiKey, scopeCatalog, lockedReason }: Props) {
  const router = useRouter();
  const signed = apiKey.type === "signed";
  const [name, setName] = useState(apiKey.name);
  const [description, setDescription] = useState(apiKey.description ?? "");
  const [scopes, setScopes] = useState(apiKey.scopes);
  const [allowlist, setAllowlist] = useState(apiKey.ipAllowlist.join("\n"));
  const [expiry, setExpiry] = useState("keep");
  const [customDate, setCustomDate] = useState("");
  const initialMetadata = Object.keys(apiKey.metadata).length ? JSON.stringify(apiKey.metadata, null, 2) : "";
  const [metadata, setMetadata] = useState(initialMetadata);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const blocked =
    allowlistInvalid(allowlist) ||
    metadataProblem(metadata) !== null ||
    expiryProblem(expiry, customDate) !== null;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch = changedSettings(apiKey, {
      name,
      description: description.trim() || null,
      ipAllowlist: allowlistEntries(allowlist),
      ...(signed
        ? {}
        : {
            scopes,
            metadata: parseMetadata(metadata),
            ...(expiry === "keep" ? {} : { expiresAt: expiryFrom(expiry, customDate) }),
          }),
    });
    if (Object.keys(patch).length === 0) return setMessage({ ok: true, text: "Nothing changed." });
    startTransition(async () => {
      const result = await updateKeyAction(apiKey.id, patch).catch(() => ({
        ok: false as const,
        message: "Something went wrong; nothing was saved.",
        fieldErrors: {},
      }));
      setErrors(result.ok ? {} : result.fieldErrors);
      setMessage(result.ok ? { ok: true, text: "Settings saved." } : { ok: false, text: result.message });
      if (result.ok) {
        setExpiry("keep");
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={save} className="space-y-5" aria-busy={pending}>
      {lockedReason ? <Alert tone="info">{lockedReason}</Alert> : null}
      {message ? <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert> : null}
      <fieldset disabled={lockedReason !== null || pending} className="space-y-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id="settings-name"
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            maxLength={100}
          />
          <Field
            id="settings-description"
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={errors.description}
            maxLength={500}
          />
        </div>
        {signed ? null : (
          <ScopePicker catalog={scopeCatalog} value={scopes} onChange={setScopes} error={errors.scopes} />
        )}
        <AllowlistField
          id="settings-allowlist"
          value={allowlist}
          onChange={setAllowlist}
          error={errors.ipAllowlist}
        />
        {signed ? (
          <EmbeddedClaims apiKey={apiKey} />
        ) : (
          <>
            <ExpiryField
              id="settings-expiry"
              preset={expiry}
              customDate={customDate}
              onPreset={setExpiry}
              onCustomDate={setCustomDate}
              error={errors.expiresAt}
              keepLabel={`Unchanged (${apiKey.expiresAt ? formatDateTime(apiKey.expiresAt) : "never"})`}
            />
            <MetadataField
              id="settings-metadata"
              value={metadata}
              onChange={setMetadata}
              error={errors.metadata}
            />
          </>
        )}
      </fieldset>
      {lockedReason ? null : (
        <div className="flex justify-end border-t border-slate-100 pt-4">
          <Button type="submit" disabled={pending || blocked}>
            {pending ? "Saving…" : "Save changes"}
          </Button>
        </div>
      )}
    </form>
  );
}
