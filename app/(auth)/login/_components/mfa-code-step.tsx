"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { Field } from "@/components/ui/field";
import { FormAlert, zodFormResolver } from "@/components/ui/form";
import { mfaCodeInput } from "@/lib/schemas/account";
import { describeLoginError } from "./login-errors";

type Values = { code: string };

/**
 * The second step of a login with 2FA on: a code from the authenticator app, or a recovery code.
 * A wrong code can be retried (the server throttles); an expired challenge sends the user back to
 * the password.
 */
export function MfaCodeStep({
  challenge,
  onDone,
  onExpired,
}: {
  challenge: string;
  onDone: () => void;
  onExpired: (message: string) => void;
}) {
  const [recovery, setRecovery] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<Values>({ defaultValues: { code: "" }, resolver: zodFormResolver(mfaCodeInput) });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ code }) => {
    const result = await signIn("mfa", { challenge, code, redirect: false });
    if (result?.ok && !result.error) {
      setLeaving(true);
      return onDone();
    }
    const message = describeLoginError(result?.error ?? "unknown") ?? "";
    if (result?.error === "INVALID_MFA_CHALLENGE") return onExpired(message);
    form.setError("code", { type: "server", message });
    form.setValue("code", "");
  });

  const busy = isSubmitting || leaving;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-busy={busy}>
      <div>
        <h2 className="text-base font-semibold text-ink">Two-factor authentication</h2>
        <p className="mt-1 text-sm text-ink-muted">
          {recovery
            ? "Enter one of the recovery codes you saved when you set up two-factor authentication. Each works once."
            : "Open your authenticator app and enter the 6-digit code it shows for Keydesk."}
        </p>
      </div>
      <FormAlert error={errors.root} />
      <Field label={recovery ? "Recovery code" : "Authentication code"} error={errors.code?.message}>
        <CodeInput
          key={recovery ? "recovery" : "totp"}
          numeric={!recovery}
          autoFocus
          {...form.register("code")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Verifying…" : "Verify"}
      </Button>
      <button
        type="button"
        className="block w-full text-center text-sm font-medium text-brand-700 hover:underline"
        onClick={() => {
          setRecovery(!recovery);
          form.reset({ code: "" });
        }}
      >
        {recovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
      </button>
    </form>
  );
}
