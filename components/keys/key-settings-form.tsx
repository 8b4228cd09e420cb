"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateKeyAction } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ApiKeyDto } from "@/lib/dal/api-keys/dto";
import { allowlistEntries, allowlistProblems } from "./field-helpers";
import { ScopePicker } from "./scope-picker";

/** Editable settings. A signed key carries its scopes inside itself, so they change only by rotation. */
export function KeySettingsForm({
  apiKey,
  scopeCatalog,
  readOnly,
}: {
  apiKey: ApiKeyDto;
  scopeCatalog: string[];
  readOnly: boolean;
}) {
  const router = useRouter();
  const [scopes, setScopes] = useState(apiKey.scopes);
  const [allowlist, setAllowlist] = useState(apiKey.ipAllowlist.join("\n"));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const locked = readOnly || apiKey.status === "revoked";
  const problems = allowlistProblems(allowlist);

  async function save(form: FormData) {
    const patch: Record<string, unknown> = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? "") || null,
      ipAllowlist: allowlistEntries(allowlist),
    };
    if (apiKey.type !== "signed") patch.scopes = scopes;
    const result = await updateKeyAction(apiKey.id, patch);
    setErrors(result.ok ? {} : result.fieldErrors);
    setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <form action={save} className="space-y-4">
      {message ? <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert> : null}
      <fieldset disabled={locked} className="space-y-4">
        <Field id="settings-name" name="name" label="Name" defaultValue={apiKey.name} error={errors.name} />
        <Field
          id="settings-description"
          name="description"
          label="Description"
          defaultValue={apiKey.description ?? ""}
          error={errors.description}
        />
        {apiKey.type === "signed" ? (
          <p className="text-sm text-ink-muted">
            Scopes <span className="font-mono text-xs">{apiKey.scopes.join(", ") || "none"}</span>, expiry and
            metadata are embedded in this signed key; rotate it to change them.
          </p>
        ) : (
          <ScopePicker catalog={scopeCatalog} value={scopes} onChange={setScopes} />
        )}
        <div className="space-y-1.5">
          <label htmlFor="settings-allowlist" className="block text-sm font-medium text-ink">
            IP allowlist (one per line; empty = anywhere)
          </label>
          <textarea
            id="settings-allowlist"
            rows={3}
            value={allowlist}
            onChange={(event) => setAllowlist(event.target.value)}
            className={`block w-full rounded-lg border px-3 py-2 font-mono text-xs ${problems.length ? "border-danger" : "border-slate-300"}`}
          />
          {problems.map((problem) => (
            <p key={problem} className="text-xs text-danger">
              {problem}
            </p>
          ))}
        </div>
      </fieldset>
      {locked ? null : (
        <Button type="submit" disabled={problems.length > 0}>
          Save changes
        </Button>
      )}
    </form>
  );
}
