"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { SigningSecretDto } from "@/lib/schemas/signing-secrets";
import { retireSigningSecretAction } from "../actions";

export function RetireSecretDialog({
  secret,
  onClose,
}: {
  secret: SigningSecretDto | null;
  onClose: () => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setError(null);
    onClose();
  };
  const retire = (id: string) =>
    startTransition(async () => {
      const result = await retireSigningSecretAction(id, undefined).catch(() => ({
        ok: false as const,
        message: "Something went wrong; the secret was not retired.",
      }));
      if (!result.ok) return setError(result.message);
      close();
      router.refresh();
    });

  return (
    <Modal open={secret !== null} onClose={close} title="Retire this signing secret?">
      {secret ? (
        <div className="space-y-4 text-sm">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <p className="text-ink">
            Signed keys issued while <code className="font-mono">aksec_…{secret.hint}</code> was the newest
            secret will <strong className="font-semibold">stop verifying</strong>, here and in services that
            verify offline (remove it from their list too). This cannot be undone.
          </p>
          <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
            <Button type="button" variant="secondary" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button variant="danger" disabled={pending} onClick={() => retire(secret.id)}>
              {pending ? "Retiring…" : "Retire secret"}
            </Button>
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
