"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { privatePemProblem } from "@/components/keys/field-helpers";
import { formatDateTime } from "@/components/keys/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field";
import { FormAlert, submitAction, textCheck, zodFormResolver } from "@/components/ui/form";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { type IssuedKey, rotateKeyAction } from "../actions";
import { PublicKeyCreated } from "./public-key-created";
import { PublicKeyField } from "./public-key-field";

const GRACE = [
  { seconds: "0", label: "Immediately", hint: "for a leaked key" },
  { seconds: "3600", label: "1 hour", hint: "" },
  { seconds: "86400", label: "24 hours", hint: "default" },
  { seconds: "604800", label: "7 days", hint: "the longest" },
];

type Props = { apiKey: Pick<ApiKeyDto, "id" | "name" | "type">; open: boolean; onClose: () => void };
type RotateValues = { grace: string; publicKey: string };

export function RotateKeyDialog({ apiKey, open, onClose }: Props) {
  const router = useRouter();
  const needsPem = apiKey.type === "public_key";
  const [rotated, setRotated] = useState<{ key: IssuedKey; oldStops: string; grace: number } | null>(null);
  const form = useForm<RotateValues>({
    defaultValues: { grace: "86400", publicKey: "" },
    mode: "onChange",
    resolver: zodFormResolver(z.object({ grace: z.string(), publicKey: textCheck(privatePemProblem) })),
  });
  const { errors, isSubmitting } = form.formState;
  const [grace, publicKey] = form.watch(["grace", "publicKey"]);

  const finish = () => {
    const next = rotated?.key.id;
    setRotated(null);
    form.reset();
    onClose();
    if (next) router.push(`/keys/${next}`);
  };

  const submit = form.handleSubmit(async (values) => {
    const seconds = Number(values.grace);
    const input = { gracePeriodSeconds: seconds, ...(needsPem ? { publicKey: values.publicKey } : {}) };
    const oldStops = new Date(Date.now() + seconds * 1000).toISOString();
    const result = await submitAction(form, () => rotateKeyAction(apiKey.id, input));
    if (result.ok) setRotated({ key: result.data, oldStops, grace: seconds });
  });

  const stopsNote = rotated
    ? rotated.grace === 0
      ? "The old key has stopped working."
      : `The old key keeps working until about ${formatDateTime(rotated.oldStops)}.`
    : "";
  return (
    <Modal
      open={open}
      onClose={finish}
      title={rotated ? "Your rotated key" : `Rotate “${apiKey.name}”`}
      dismissable={!rotated?.key.secret}
    >
      {rotated?.key.secret ? (
        <SecretReveal
          secret={rotated.key.secret}
          kind={apiKey.type === "signed" ? "signed" : "secret"}
          keyId={rotated.key.id}
          note={stopsNote}
          onDone={finish}
        />
      ) : rotated ? (
        <div className="space-y-3">
          <Alert tone="info">{stopsNote} Clients must use the new key id as their JWT sub.</Alert>
          <PublicKeyCreated keyId={rotated.key.id} fingerprint={rotated.key.fingerprint} onDone={finish} />
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-5" noValidate aria-busy={isSubmitting}>
          <FormAlert error={errors.root} />
          <p className="text-sm text-ink-muted">
            A new key with the same settings is created{needsPem ? " for your new public key" : ""}. Give your
            clients time to switch: when should this key stop working?
          </p>
          <FieldGroup label={<span className="sr-only">The current key stops working</span>}>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {GRACE.map((option) => (
                <label
                  key={option.seconds}
                  className={`cursor-pointer rounded-lg border px-3 py-2 text-sm focus-within:ring-2 focus-within:ring-brand-200 ${grace === option.seconds ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300"}`}
                >
                  <span className="flex items-center gap-2 font-medium text-ink">
                    <input
                      type="radio"
                      value={option.seconds}
                      className="accent-brand-600"
                      {...form.register("grace")}
                    />
                    {option.label}
                  </span>
                  {option.hint ? (
                    <span className="mt-0.5 block pl-5 text-xs text-ink-faint">{option.hint}</span>
                  ) : null}
                </label>
              ))}
            </div>
          </FieldGroup>
          {needsPem ? (
            <PublicKeyField
              label="New public key (public.pem)"
              value={publicKey}
              onChange={(pem) => form.setValue("publicKey", pem, { shouldValidate: true })}
              error={errors.publicKey?.message}
            />
          ) : null}
          <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
            <Button type="button" variant="secondary" onClick={finish}>
              Cancel
            </Button>
            <Button
              type="submit"
              disabled={isSubmitting || (needsPem && (!publicKey.trim() || Boolean(errors.publicKey)))}
            >
              {isSubmitting ? "Rotating…" : "Rotate key"}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
