"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import type { KeyType } from "./key-form-schema";

const TYPES: { value: KeyType; label: string; hint: string }[] = [
  { value: "secret", label: "Secret key", hint: "An ak_… bearer key, shown once" },
  {
    value: "public_key",
    label: "Public key (ES256)",
    hint: "Clients sign short JWTs with their private key",
  },
  { value: "signed", label: "Signed key", hint: "An akv1_… key your services can verify offline" },
];

export function KeyTypePicker({ value, field }: { value: KeyType; field: UseFormRegisterReturn }) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-ink">Type</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {TYPES.map((option) => (
          <label
            key={option.value}
            className={`cursor-pointer rounded-lg border p-3 text-sm transition-colors focus-within:ring-2 focus-within:ring-brand-200 ${value === option.value ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300"}`}
          >
            <input type="radio" value={option.value} className="sr-only" {...field} />
            <span className="block font-medium text-ink">{option.label}</span>
            <span className="mt-0.5 block text-xs text-ink-muted">{option.hint}</span>
          </label>
        ))}
      </div>
      {value === "signed" ? (
        <p className="mt-2 text-xs text-ink-muted">
          Scopes, expiry and metadata are embedded in a signed key and cannot change later; rotate the key to
          change them. Offline verification: <code className="font-mono">docs/signed-keys.md</code>.
        </p>
      ) : null}
      {value === "public_key" ? (
        <p className="mt-2 text-xs text-ink-muted">
          Keydesk stores only the public key; your client keeps the private one and puts this key&apos;s id in
          the JWT <code className="font-mono">sub</code> claim.
        </p>
      ) : null}
    </fieldset>
  );
}
