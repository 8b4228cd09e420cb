"use client";

import { useId } from "react";
import { Field, TextArea } from "@/components/ui/field";

/**
 * The PEM of an ES256 (P-256) public key: pasted, or read from a file in the browser (the file never
 * leaves it except as this text). The server parses it and is the only judge; its
 * INVALID_KEY_FORMAT message is shown here, under the field.
 */
export function PublicKeyField({
  label = "Public key (public.pem)",
  value,
  onChange,
  error,
}: {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const fileId = useId();
  return (
    <div className="space-y-2">
      <Field
        label={label}
        error={error}
        hint={
          <>
            Paste the PEM or load the file. Make one with{" "}
            <code className="font-mono break-all">
              openssl ecparam -name prime256v1 -genkey -noout -out private.pem
            </code>{" "}
            then{" "}
            <code className="font-mono break-all">openssl ec -in private.pem -pubout -out public.pem</code>.
          </>
        }
      >
        <TextArea
          rows={6}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
          spellCheck={false}
        />
      </Field>
      <label
        htmlFor={fileId}
        className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-ink hover:bg-slate-50 focus-within:outline-2 focus-within:outline-brand-500"
      >
        Load from a file…
        <input
          id={fileId}
          type="file"
          accept=".pem,.pub,.txt,application/x-pem-file"
          className="sr-only"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            // A PEM public key is well under 1 KiB; anything huge is not one.
            if (file && file.size <= 16 * 1024) onChange(await file.text());
            event.target.value = "";
          }}
        />
      </label>
    </div>
  );
}
