"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { revokeKeyAction } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";

type Props = { apiKey: { id: string; name: string }; open: boolean; onClose: () => void };

export function RevokeKeyDialog({ apiKey, open, onClose }: Props) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setError(null);
    onClose();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    startTransition(async () => {
      const result = await revokeKeyAction(apiKey.id, trimmed ? { reason: trimmed } : {}).catch(() => ({
        ok: false as const,
        message: "Something went wrong; the key was not revoked.",
        fieldErrors: {},
      }));
      if (!result.ok) return setError(result.message);
      close();
      router.refresh();
    });
  }

  return (
    <Modal open={open} onClose={close} title={`Revoke “${apiKey.name}”?`}>
      <form onSubmit={submit} className="space-y-4" aria-busy={pending}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <p className="text-sm text-ink">
          Every request with this key is refused from now on, on every instance, within a second.{" "}
          <strong className="font-semibold">This cannot be undone.</strong> The key stays listed, with the
          reason, for audit.
        </p>
        <Field
          label="Reason (optional)"
          id="revoke-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="e.g. laptop stolen, customer churned"
          hint="Recorded in the audit trail and shown on this page."
          maxLength={200}
          data-autofocus
        />
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
