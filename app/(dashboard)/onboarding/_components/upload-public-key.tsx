"use client";

import { useForm } from "react-hook-form";
import { z } from "zod";
import { privatePemProblem } from "@/components/keys/field-helpers";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { FormAlert, submitAction, textCheck, zodFormResolver } from "@/components/ui/form";
import { createOnboardingKeyAction } from "../actions";

type Values = { publicKey: string };

/** Step 2's form: the PEM (pasted, or filled in by step 1) goes up; the private key never does. */
export function UploadPublicKey({
  initialPem,
  onUploaded,
  readOnly,
}: {
  initialPem: string;
  onUploaded: (keyId: string) => void;
  readOnly: boolean;
}) {
  const form = useForm<Values>({
    defaultValues: { publicKey: initialPem },
    mode: "onChange",
    resolver: zodFormResolver(z.object({ publicKey: textCheck(privatePemProblem) })),
  });
  const { errors, isSubmitting } = form.formState;
  const pem = form.watch("publicKey");
  const submit = form.handleSubmit(async ({ publicKey }) => {
    const result = await submitAction(form, () =>
      createOnboardingKeyAction({ type: "public_key", publicKey }),
    );
    if (result.ok) onUploaded(result.data.id);
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} />
      <Field label="public.pem" error={errors.publicKey?.message}>
        <TextArea
          rows={5}
          placeholder="-----BEGIN PUBLIC KEY-----"
          spellCheck={false}
          {...form.register("publicKey")}
        />
      </Field>
      <Button
        type="submit"
        disabled={readOnly || isSubmitting || pem.trim() === "" || Boolean(errors.publicKey)}
      >
        {isSubmitting ? "Uploading…" : "Upload public key"}
      </Button>
    </form>
  );
}
