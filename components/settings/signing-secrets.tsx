"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addSigningSecretAction, retireSigningSecretAction } from "@/app/(dashboard)/settings/secret-actions";
import { SecretReveal } from "@/components/keys/secret-reveal";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { SigningSecretDto } from "@/lib/dal/signing-secrets";

export function SigningSecrets({ secrets, readOnly }: { secrets: SigningSecretDto[]; readOnly: boolean }) {
  const router = useRouter();
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signer = secrets.find((s) => s.status === "active")?.id;
  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {secrets.length === 0 ? (
        <p className="text-sm text-ink-muted">
          No signing secrets yet. One is created with your first signed key, or add one here.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {secrets.map((secret) => (
            <li key={secret.id} className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm">
              <div>
                <code className="font-mono">aksec_…{secret.hint}</code>
                <span className="ml-2 text-xs text-ink-faint">
                  added {new Date(secret.createdAt).toLocaleDateString("en")}
                </span>
                {secret.id === signer ? (
                  <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
                    signs new keys
                  </span>
                ) : null}
              </div>
              {secret.status === "retired" ? (
                <span className="text-xs text-ink-faint">retired</span>
              ) : readOnly ? null : (
                <Button
                  variant="ghost"
                  onClick={async () => {
                    if (!window.confirm("Retire this secret? Signed keys it signed will stop verifying."))
                      return;
                    const result = await retireSigningSecretAction(secret.id);
                    setError(result.ok ? null : result.message);
                    router.refresh();
                  }}
                >
                  Retire
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <Button
          variant="secondary"
          onClick={async () => {
            const result = await addSigningSecretAction();
            if (result.ok) setFresh(result.secret);
            else setError(result.message);
          }}
        >
          Add signing secret
        </Button>
      )}
      <Modal
        open={fresh !== null}
        onClose={() => setFresh(null)}
        title="New signing secret"
        dismissable={false}
      >
        {fresh ? (
          <SecretReveal
            secret={fresh}
            onDone={() => {
              setFresh(null);
              router.refresh();
            }}
          />
        ) : null}
      </Modal>
    </div>
  );
}
