"use client";

import { TextareaField } from "@/components/ui/textarea-field";
import { metadataProblem } from "./field-helpers";

export function MetadataField({
  id,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <TextareaField
      id={id}
      label="Metadata (optional)"
      hint="A JSON object returned with every verification, at most 4 KiB. Never put secrets here."
      rows={3}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      placeholder={'{"customer": "acme", "plan": "pro"}'}
      error={metadataProblem(value) ?? error}
    />
  );
}
