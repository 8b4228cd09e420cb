"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { IssuedKey } from "../actions";
import { CreateKeyForm } from "./create-key-form";
import { PublicKeyCreated } from "./public-key-created";

export function CreateKeyButton({ scopeCatalog, readOnly }: { scopeCatalog: string[]; readOnly: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<IssuedKey | null>(null);
  const close = () => {
    // Dropping the state drops the secret: nothing holds it once the dialog is closed.
    setCreated(null);
    setOpen(false);
    router.refresh();
  };
  // Viewers get no control they cannot use, only the reason (the server refuses them anyway).
  if (readOnly) return <p className="text-sm text-ink-muted">Viewers have read-only access.</p>;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create API key</Button>
      <Modal
        open={open}
        onClose={close}
        title={created ? (created.secret ? "Copy your new key" : "Public key added") : "Create an API key"}
        // While a secret is on screen, only "Done" (after "I have stored it") closes the dialog.
        dismissable={!created?.secret}
        size="lg"
      >
        {created?.secret ? (
          <SecretReveal
            secret={created.secret}
            kind={created.type === "signed" ? "signed" : "secret"}
            keyId={created.id}
            onDone={close}
          />
        ) : created ? (
          <PublicKeyCreated keyId={created.id} fingerprint={created.fingerprint} onDone={close} />
        ) : (
          <CreateKeyForm scopeCatalog={scopeCatalog} onCreated={setCreated} onCancel={() => setOpen(false)} />
        )}
      </Modal>
    </>
  );
}
