"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, TextArea } from "@/components/ui/field";
import { LIMITS_EXAMPLE } from "./identity-form-schema";

export function LimitsField({ field, error }: { field: UseFormRegisterReturn; error?: string | undefined }) {
  return (
    <Field
      label="Rate limits (optional)"
      hint="A JSON list, at most 20: name, limit (≥ 1), durationMs (1000 to 86400000), autoApply. Shared by all this customer's keys; those not auto-applied count only when a verification names them."
      error={error}
    >
      <TextArea rows={3} mono placeholder={LIMITS_EXAMPLE} {...field} />
    </Field>
  );
}

export function IdentityMetadataField({
  field,
  error,
}: {
  field: UseFormRegisterReturn;
  error?: string | undefined;
}) {
  return (
    <Field
      label="Metadata (optional)"
      hint="A JSON object returned with every verification of this customer's keys, at most 4 KiB. Never put secrets here."
      error={error}
    >
      <TextArea rows={3} mono placeholder={'{"plan": "pro"}'} {...field} />
    </Field>
  );
}
