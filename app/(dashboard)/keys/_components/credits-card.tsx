"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { creditAmountProblem, formatCredits } from "@/components/keys/credits";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert, submitAction, textCheck, zodFormResolver } from "@/components/ui/form";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { adjustCreditsAction } from "../actions";

type Values = { op: "set" | "increment" | "decrement"; amount: string };

const schema = z.object({ op: z.string(), amount: textCheck(creditAmountProblem) });

const OPS_WITH_CREDITS = [
  { value: "increment", label: "Add" },
  { value: "decrement", label: "Take away (stops at 0)" },
  { value: "set", label: "Set the balance to" },
] as const;
const OPS_UNLIMITED = [{ value: "set", label: "Give credits" }] as const;

/** Adjusts the balance on the key page; every change is audited (see the trail). */
export function CreditsCard({ apiKey, lockedReason }: { apiKey: ApiKeyDto; lockedReason: string | null }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const unlimited = apiKey.credits === null;
  const form = useForm<Values>({
    defaultValues: { op: unlimited ? "set" : "increment", amount: "" },
    mode: "onChange",
    resolver: zodFormResolver(schema),
    disabled: lockedReason !== null,
  });
  const { errors, isSubmitting } = form.formState;

  const apply = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await submitAction(form, () =>
      adjustCreditsAction(apiKey.id, { op: values.op, amount: Number(values.amount) }),
    );
    if (!result.ok) return;
    setSaved(`Saved: ${formatCredits(result.data.remaining ?? 0)} credits left.`);
    form.reset({ op: "increment", amount: "" });
    router.refresh();
  });

  if (lockedReason) {
    // Its own words: the settings card below already gives the general reason.
    return (
      <p className="text-sm text-ink-muted">
        {apiKey.status === "revoked"
          ? "A revoked key's credits can no longer change."
          : "Read-only access: an owner or admin can change this key's credits."}
      </p>
    );
  }
  return (
    <form onSubmit={apply} className="space-y-4" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} success={saved} />
      {unlimited ? (
        <p className="text-sm text-ink-muted">
          This key is unlimited. Give it credits to meter it: each verification then spends its cost.
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field label="Change">
          <Select options={unlimited ? OPS_UNLIMITED : OPS_WITH_CREDITS} {...form.register("op")} />
        </Field>
        <Field label="Credits" error={errors.amount?.message}>
          <Input inputMode="numeric" placeholder="1000" {...form.register("amount")} />
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Apply"}
        </Button>
      </div>
    </form>
  );
}
