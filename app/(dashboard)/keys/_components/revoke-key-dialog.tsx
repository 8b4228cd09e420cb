"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction } from "@/components/ui/form";
import { Modal } from "@/components/ui/modal";
import { revokeKeyAction } from "../actions";

type Props = { apiKey: { id: string; name: string }; open: boolean; onClose: () => void };

export function RevokeKeyDialog({ apiKey, open, onClose }: Props) {
  const router = useRouter();
  const form = useForm({ defaultValues: { reason: "" } });
  const { errors, isSubmitting } = form.formState;
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit(async ({ reason }) => {
    const trimmed = reason.trim();
    const result = await submitAction(form, () =>
      revokeKeyAction(apiKey.id, trimmed ? { reason: trimmed } : {}),
    );
    if (!result.ok) return;
    close();
    router.refresh();
  });

  return (
    <Modal open={open} onClose={close} title={`Revoke “${apiKey.name}”?`}>
      <form onSubmit={submit} className="space-y-4" noValidate aria-busy={isSubmitting}>
        <FormAlert error={errors.root} />
        <p className="text-sm text-ink">
          Every request with this key is refused from now on, on every instance, within a second.{" "}
          <strong className="font-semibold">This cannot be undone.</strong> The key stays listed, with the
          reason, for audit.
        </p>
        <Field
          label="Reason (optional)"
          error={errors.reason?.message}
          hint="Recorded in the audit trail and shown on this page."
        >
          <Input
            {...form.register("reason")}
            data-autofocus
            maxLength={200}
            placeholder="e.g. laptop stolen, customer churned"
          />
        </Field>
        <DialogActions onCancel={close} pending={isSubmitting} label="Revoke key" pendingLabel="Revoking…" />
      </form>
    </Modal>
  );
}
