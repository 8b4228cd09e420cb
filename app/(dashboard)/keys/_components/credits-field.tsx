"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { CREDIT_PRESETS, REFILL_OPTIONS } from "@/components/keys/credits";
import { Field, Input, Select } from "@/components/ui/field";

/**
 * Credits on a new key: a preset fills in the numbers, which stay editable (a trial of 5, a quota
 * of 10,000). Unlimited sends nothing.
 */
export function CreditsField({
  preset,
  refill,
  presetField,
  remainingField,
  refillField,
  refillAmountField,
  errors,
}: {
  preset: string;
  refill: string;
  presetField: UseFormRegisterReturn;
  remainingField: UseFormRegisterReturn;
  refillField: UseFormRegisterReturn;
  refillAmountField: UseFormRegisterReturn;
  errors: { remaining?: string | undefined; refillAmount?: string | undefined };
}) {
  return (
    <div className="space-y-3">
      <Field
        label="Usage credits"
        hint="Each verification spends credits (1 by default, or the cost the gateway sends); at 0 the key gets USAGE_EXCEEDED."
      >
        <Select options={CREDIT_PRESETS} {...presetField} />
      </Field>
      {preset === "none" ? null : (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Credits" error={errors.remaining}>
            <Input inputMode="numeric" {...remainingField} />
          </Field>
          <Field label="Refill">
            <Select options={REFILL_OPTIONS} {...refillField} />
          </Field>
          {refill === "none" ? null : (
            <Field label="Refill to" error={errors.refillAmount}>
              <Input inputMode="numeric" {...refillAmountField} />
            </Field>
          )}
        </div>
      )}
    </div>
  );
}
