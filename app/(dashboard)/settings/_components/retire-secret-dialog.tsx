"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SigningSecretDto } from "@/lib/schemas/signing-secrets";
import { retireSigningSecretAction } from "../actions";

export function RetireSecretDialog({
  secret,
  onClose,
}: {
  secret: SigningSecretDto | null;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      open={secret !== null}
      title="Retire this signing secret?"
      confirmLabel="Retire secret"
      pendingLabel="Retiring…"
      failure="Something went wrong; the secret was not retired."
      run={() => retireSigningSecretAction(secret?.id ?? "", undefined)}
      onClose={onClose}
    >
      {secret ? (
        <p>
          Signed keys issued while <code className="font-mono">aksec_…{secret.hint}</code> was the newest
          secret will <strong className="font-semibold">stop verifying</strong>, here and in services that
          verify offline (remove it from their list too). This cannot be undone.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
