"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { formatDate } from "@/components/keys/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import { Modal } from "@/components/ui/modal";
import { type MfaStatus, mfaCodeInput } from "@/lib/schemas/account";
import { disableMfaAction } from "../actions";

type Values = { code: string };

function DisableDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
  const form = useForm<Values>({ defaultValues: { code: "" }, resolver: zodFormResolver(mfaCodeInput) });
  const { errors, isSubmitting } = form.formState;
  const close = () => {
    form.reset({ code: "" });
    onClose();
  };
  const submit = form.handleSubmit(async (values) => {
    const result = await submitAction(form, () => disableMfaAction(values));
    if (result.ok) {
      close();
      router.refresh();
    }
  });
  return (
    <Modal open={open} onClose={close} title="Turn off two-factor authentication?">
      <form onSubmit={submit} className="space-y-4 text-sm" noValidate aria-busy={isSubmitting}>
        <p className="text-ink">
          Your password alone will then open your account. Your recovery codes stop working.
        </p>
        <FormAlert error={errors.root} />
        <Field
          label="Authentication code"
          hint="From your authenticator app, or one of your recovery codes."
          error={errors.code?.message}
        >
          <CodeInput data-autofocus numeric={false} placeholder="" {...form.register("code")} />
        </Field>
        <DialogActions onCancel={close} pending={isSubmitting} label="Turn off" pendingLabel="Turning off…" />
      </form>
    </Modal>
  );
}

export function TwoFactorCard({ status }: { status: MfaStatus }) {
  const [disabling, setDisabling] = useState(false);
  if (!status.enabled)
    return (
      <div className="space-y-4">
        <p className="flex items-center gap-2 text-sm text-ink">
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-ink-muted">
            Off
          </span>
          Only your password protects this account.
        </p>
        <Link
          href="/two-factor-setup"
          className="inline-flex items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Set up two-factor authentication
        </Link>
      </div>
    );
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm text-ink">
        <span className="rounded-full bg-ok-soft px-2 py-0.5 text-xs font-medium text-emerald-800">On</span>
        {status.enabledAt ? `Since ${formatDate(status.enabledAt)}.` : null}
      </p>
      {status.recoveryCodesLeft <= 3 ? (
        <Alert tone="warning">
          {status.recoveryCodesLeft === 0
            ? "You have no recovery codes left."
            : `Only ${status.recoveryCodesLeft} recovery code${status.recoveryCodesLeft === 1 ? "" : "s"} left.`}{" "}
          To get new ones, turn two-factor authentication off and on again.
        </Alert>
      ) : (
        <p className="text-sm text-ink-muted" data-testid="recovery-codes-left">
          {status.recoveryCodesLeft} of 10 recovery codes left.
        </p>
      )}
      <Button variant="secondary" onClick={() => setDisabling(true)}>
        Turn off
      </Button>
      <DisableDialog open={disabling} onClose={() => setDisabling(false)} />
    </div>
  );
}
