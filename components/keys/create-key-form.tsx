"use client";

import { useState } from "react";
import { createKeyAction, type KeyActionResult } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import {
  allowlistEntries,
  allowlistProblems,
  EXPIRY_PRESETS,
  expiryFrom,
  metadataProblem,
} from "./field-helpers";
import { ScopePicker } from "./scope-picker";

type KeyType = "secret" | "public_key" | "signed";
const TYPES: { value: KeyType; label: string; hint: string }[] = [
  { value: "secret", label: "Secret key", hint: "ak_… bearer key, shown once" },
  { value: "public_key", label: "Public key (ES256)", hint: "Clients sign JWTs with their private key" },
  { value: "signed", label: "Signed key", hint: "akv1_… verifiable offline" },
];

const textarea =
  "block w-full rounded-lg border px-3 py-2 font-mono text-xs focus:border-brand-500 focus:outline-none";

export function CreateKeyForm({
  scopeCatalog,
  onCreated,
}: {
  scopeCatalog: string[];
  onCreated: (result: Extract<KeyActionResult, { ok: true }>) => void;
}) {
  const [type, setType] = useState<KeyType>("secret");
  const [scopes, setScopes] = useState<string[]>([]);
  const [allowlist, setAllowlist] = useState("");
  const [expiry, setExpiry] = useState("never");
  const [customDate, setCustomDate] = useState("");
  const [metadata, setMetadata] = useState("");
  const [result, setResult] = useState<Extract<KeyActionResult, { ok: false }> | null>(null);
  const [pending, setPending] = useState(false);
  const ipProblems = allowlistProblems(allowlist);
  const metaProblem = metadataProblem(metadata);

  async function submit(form: FormData) {
    setPending(true);
    const response = await createKeyAction({
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? "") || undefined,
      type,
      environment: form.get("environment"),
      scopes,
      ipAllowlist: allowlistEntries(allowlist),
      expiresAt: expiryFrom(expiry, customDate),
      metadata: metadata.trim() ? JSON.parse(metadata) : {},
      ...(type === "public_key" ? { publicKey: String(form.get("publicKey") ?? "") } : {}),
    });
    setPending(false);
    if (response.ok) onCreated(response);
    else setResult(response);
  }

  const errors = result?.fieldErrors ?? {};
  return (
    <form action={submit} className="space-y-4" noValidate>
      {result ? <Alert tone="error">{result.message}</Alert> : null}
      <Field
        id="key-name"
        name="name"
        label="Name"
        placeholder="Production backend"
        required
        error={errors.name}
      />
      <Field
        id="key-description"
        name="description"
        label="Description (optional)"
        error={errors.description}
      />
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-ink">Type</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {TYPES.map((option) => (
            <label
              key={option.value}
              className={`cursor-pointer rounded-lg border p-2.5 text-sm ${type === option.value ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}
            >
              <input
                type="radio"
                name="type"
                value={option.value}
                checked={type === option.value}
                onChange={() => setType(option.value)}
                className="sr-only"
              />
              <span className="block font-medium text-ink">{option.label}</span>
              <span className="block text-xs text-ink-muted">{option.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {type === "public_key" ? (
        <div className="space-y-1.5">
          <label htmlFor="key-pem" className="block text-sm font-medium text-ink">
            Public key (public.pem)
          </label>
          <textarea
            id="key-pem"
            name="publicKey"
            rows={5}
            placeholder="-----BEGIN PUBLIC KEY-----"
            className={`${textarea} ${errors.publicKey ? "border-danger" : "border-slate-300"}`}
          />
          {errors.publicKey ? <p className="text-sm text-danger">{errors.publicKey}</p> : null}
        </div>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor="key-environment" className="block text-sm font-medium text-ink">
          Environment
        </label>
        <select
          id="key-environment"
          name="environment"
          defaultValue="live"
          className="rounded-lg border border-slate-300 px-3 py-2 text-sm"
        >
          <option value="live">Live</option>
          <option value="test">Test</option>
        </select>
      </div>
      <ScopePicker catalog={scopeCatalog} value={scopes} onChange={setScopes} />
      <div className="space-y-1.5">
        <label htmlFor="key-allowlist" className="block text-sm font-medium text-ink">
          IP allowlist (one address or CIDR per line; empty = anywhere)
        </label>
        <textarea
          id="key-allowlist"
          rows={3}
          value={allowlist}
          onChange={(event) => setAllowlist(event.target.value)}
          placeholder={"203.0.113.0/24\n2001:db8::/32"}
          className={`${textarea} ${ipProblems.length ? "border-danger" : "border-slate-300"}`}
        />
        {ipProblems.map((problem) => (
          <p key={problem} className="text-xs text-danger">
            {problem}
          </p>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1.5">
          <label htmlFor="key-expiry" className="block text-sm font-medium text-ink">
            Expires
          </label>
          <select
            id="key-expiry"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            className="rounded-lg border border-slate-300 px-3 py-2 text-sm"
          >
            {EXPIRY_PRESETS.map((preset) => (
              <option key={preset.value} value={preset.value}>
                {preset.label}
              </option>
            ))}
          </select>
        </div>
        {expiry === "custom" ? (
          <input
            type="date"
            aria-label="Expiry date"
            value={customDate}
            onChange={(event) => setCustomDate(event.target.value)}
            className="rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
        ) : null}
        {errors.expiresAt ? <p className="text-sm text-danger">{errors.expiresAt}</p> : null}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="key-metadata" className="block text-sm font-medium text-ink">
          Metadata (optional JSON object, never secret)
        </label>
        <textarea
          id="key-metadata"
          rows={2}
          value={metadata}
          onChange={(event) => setMetadata(event.target.value)}
          placeholder='{"customer": "acme"}'
          className={`${textarea} ${metaProblem ? "border-danger" : "border-slate-300"}`}
        />
        {metaProblem ? <p className="text-xs text-danger">{metaProblem}</p> : null}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || ipProblems.length > 0 || !!metaProblem}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
