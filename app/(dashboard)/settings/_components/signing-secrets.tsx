"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { formatDate } from "@/components/keys/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { SigningSecretDto } from "@/lib/schemas/signing-secrets";
import { addSigningSecretAction } from "../actions";
import { RetireSecretDialog } from "./retire-secret-dialog";

function SecretStatus({ secret, signer }: { secret: SigningSecretDto; signer: boolean }) {
  if (secret.status === "retired")
    return (
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-ink-muted">
        Retired {secret.retiredAt ? formatDate(secret.retiredAt) : ""}
      </span>
    );
  return signer ? (
    <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-brand-700 ring-1 ring-brand-200">
      Signs new keys
    </span>
  ) : (
    <span className="rounded-full bg-ok-soft px-2 py-0.5 text-xs whitespace-nowrap text-emerald-800">
      Verifies
    </span>
  );
}

export function SigningSecrets({ secrets, readOnly }: { secrets: SigningSecretDto[]; readOnly: boolean }) {
  const router = useRouter();
  const [fresh, setFresh] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<SigningSecretDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const active = secrets.filter((s) => s.status === "active");
  const add = () =>
    startTransition(async () => {
      const result = await addSigningSecretAction(undefined).catch(() => ({
        ok: false as const,
        message: "Something went wrong; no secret was added.",
      }));
      if (result.ok) setFresh(result.data);
      setError(result.ok ? null : result.message);
    });

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {secrets.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-ink-muted">
          No signing secrets yet. The first is created with your first signed key, or add one now.
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200"
          aria-label="Signing secrets"
        >
          {secrets.map((secret) => (
            <li key={secret.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <code
                    className={`font-mono ${secret.status === "retired" ? "text-ink-faint line-through" : ""}`}
                  >
                    aksec_…{secret.hint}
                  </code>
                  <SecretStatus secret={secret} signer={secret.id === active[0]?.id} />
                </div>
                <p className="mt-0.5 text-xs text-ink-faint">added {formatDate(secret.createdAt)}</p>
              </div>
              {secret.status === "active" && !readOnly ? (
                <Button
                  variant="secondary"
                  size="sm"
                  className="shrink-0"
                  onClick={() => setRetiring(secret)}
                  disabled={active.length === 1}
                  title={
                    active.length === 1
                      ? "The last active secret cannot be retired; add a new one first."
                      : undefined
                  }
                >
                  Retire
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {active.length === 1 && !readOnly ? (
        <p className="text-xs text-ink-muted">
          The last active secret cannot be retired: add a new one first.
        </p>
      ) : null}
      {readOnly ? (
        <p className="text-sm text-ink-muted">
          Read-only access: an owner or admin can add or retire secrets.
        </p>
      ) : (
        <Button variant="secondary" onClick={add} disabled={pending}>
          {pending ? "Adding…" : "Add signing secret"}
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
            kind="signing_secret"
            note="New signed keys are signed with it from now on; keys signed earlier keep verifying while their secret stays active."
            onDone={() => {
              setFresh(null);
              router.refresh();
            }}
          />
        ) : null}
      </Modal>
      <RetireSecretDialog secret={retiring} onClose={() => setRetiring(null)} />
    </div>
  );
}
