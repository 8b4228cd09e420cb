"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, TextArea } from "@/components/ui/field";

export function MetadataField({
  field,
  error,
}: {
  field: UseFormRegisterReturn;
  error?: string | undefined;
}) {
  return (
    <Field
      label="Metadata (optional)"
      hint="A JSON object returned with every verification, at most 4 KiB. Never put secrets here."
      error={error}
    >
      <TextArea rows={3} placeholder={'{"customer": "acme", "plan": "pro"}'} {...field} />
    </Field>
  );
}
