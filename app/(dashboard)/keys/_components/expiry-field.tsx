"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { EXPIRY_PRESETS, todayUtc } from "@/components/keys/field-helpers";
import { Field, Input, Select } from "@/components/ui/field";

/** Presets plus a custom date (end of that day, UTC). `keepLabel` adds "leave as it is" for editing. */
export function ExpiryField({
  preset,
  presetField,
  dateField,
  error,
  keepLabel,
}: {
  preset: string;
  presetField: UseFormRegisterReturn;
  dateField: UseFormRegisterReturn;
  error?: string | undefined;
  keepLabel?: string;
}) {
  const options = keepLabel ? [{ value: "keep", label: keepLabel }, ...EXPIRY_PRESETS] : EXPIRY_PRESETS;
  return (
    <Field
      label="Expires"
      error={error}
      hint={preset === "custom" ? "The key stops working at the end of that day (23:59:59 UTC)." : undefined}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Select options={options} className="w-auto flex-1" {...presetField} />
        {preset === "custom" ? (
          <Input
            type="date"
            aria-label="Expiry date"
            min={todayUtc()}
            className="w-auto flex-1"
            {...dateField}
            id={undefined}
          />
        ) : null}
      </div>
    </Field>
  );
}
