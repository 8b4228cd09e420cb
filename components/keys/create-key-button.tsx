"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { KeyActionResult } from "@/app/(dashboard)/keys/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { CreateKeyForm } from "./create-key-form";
import { SecretReveal } from "./secret-reveal";

type Created = Extract<KeyActionResult, { ok: true }>;

export function CreateKeyButton({ scopeCatalog, readOnly }: { scopeCatalog: string[]; readOnly: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const close = () => {
    // Dropping the state drops the secret: nothing keeps it once the dialog is closed.
    setCreated(null);
    setOpen(false);
    router.refresh();
  };
  if (readOnly) return <p className="text-sm text-ink-muted">Read-only access</p>;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create API key</Button>
      <Modal
        open={open}
        onClose={close}
        title={created ? "Your new key" : "Create an API key"}
        dismissable={!created?.secret}
      >
        {created?.secret ? (
          <SecretReveal secret={created.secret} keyId={created.key.id} onDone={close} />
        ) : created ? (
          <div className="space-y-4 text-sm">
            <p>
              Public key uploaded. Clients put this id in the JWT <code className="font-mono">sub</code>{" "}
              claim:
            </p>
            <code data-testid="new-key-id" className="block rounded-lg bg-slate-100 px-3 py-2 font-mono">
              {created.key.id}
            </code>
            <p className="text-ink-muted">
              Fingerprint <code className="font-mono text-xs">{created.key.fingerprint}</code>
            </p>
            <div className="flex justify-end">
              <Button onClick={close}>Done</Button>
            </div>
          </div>
        ) : (
          <CreateKeyForm scopeCatalog={scopeCatalog} onCreated={setCreated} />
        )}
      </Modal>
    </>
  );
}
