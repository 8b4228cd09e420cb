"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type KeyActionResult, revokeKeyAction, rotateKeyAction } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import type { ApiKeyDto } from "@/lib/dal/api-keys/dto";
import { SecretReveal } from "./secret-reveal";

const GRACE = [
  { seconds: 0, label: "Now" },
  { seconds: 3600, label: "In 1 hour" },
  { seconds: 86_400, label: "In 24 hours" },
  { seconds: 604_800, label: "In 7 days" },
];

/** Rotate (choose when the old key stops) and revoke (confirm, with a reason). */
export function KeyActions({ apiKey }: { apiKey: ApiKeyDto }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"rotate" | "revoke" | null>(null);
  const [grace, setGrace] = useState(3600);
  const [rotated, setRotated] = useState<Extract<KeyActionResult, { ok: true }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setDialog(null);
    setError(null);
    if (rotated) router.push(`/keys/${rotated.key.id}`);
    setRotated(null);
    router.refresh();
  };

  async function rotate(form: FormData) {
    const publicKey = String(form.get("publicKey") ?? "");
    const result = await rotateKeyAction(apiKey.id, {
      gracePeriodSeconds: grace,
      ...(apiKey.type === "public_key" ? { publicKey } : {}),
    });
    if (!result.ok) return setError(result.message);
    if (result.secret) setRotated(result);
    else {
      setDialog(null);
      router.push(`/keys/${result.key.id}`);
    }
  }

  async function revoke(form: FormData) {
    const reason = String(form.get("reason") ?? "").trim();
    const result = await revokeKeyAction(apiKey.id, reason ? { reason } : {});
    if (!result.ok) return setError(result.message);
    close();
  }

  return (
    <div className="flex gap-2">
      <Button variant="secondary" onClick={() => setDialog("rotate")} disabled={apiKey.status !== "active"}>
        Rotate
      </Button>
      <Button variant="danger" onClick={() => setDialog("revoke")} disabled={apiKey.status === "revoked"}>
        Revoke
      </Button>
      <Modal
        open={dialog === "rotate"}
        onClose={close}
        title={rotated ? "Your new key" : `Rotate “${apiKey.name}”`}
        dismissable={!rotated}
      >
        {rotated?.secret ? (
          <SecretReveal secret={rotated.secret} keyId={rotated.key.id} onDone={close} />
        ) : (
          <form action={rotate} className="space-y-4">
            {error ? <Alert tone="error">{error}</Alert> : null}
            <p className="text-sm text-ink-muted">
              A new key with the same settings is created. When should this one stop working?
            </p>
            <fieldset className="grid grid-cols-2 gap-2">
              <legend className="sr-only">Old key stops working</legend>
              {GRACE.map((option) => (
                <label
                  key={option.seconds}
                  className={`cursor-pointer rounded-lg border px-3 py-2 text-sm ${grace === option.seconds ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}
                >
                  <input
                    type="radio"
                    name="grace"
                    checked={grace === option.seconds}
                    onChange={() => setGrace(option.seconds)}
                    className="mr-2"
                  />
                  {option.label}
                </label>
              ))}
            </fieldset>
            {apiKey.type === "public_key" ? (
              <div className="space-y-1.5">
                <label htmlFor="rotate-pem" className="block text-sm font-medium text-ink">
                  New public key (public.pem)
                </label>
                <textarea
                  id="rotate-pem"
                  name="publicKey"
                  rows={5}
                  className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs"
                />
              </div>
            ) : null}
            <div className="flex justify-end">
              <Button type="submit">Rotate key</Button>
            </div>
          </form>
        )}
      </Modal>
      <Modal open={dialog === "revoke"} onClose={close} title={`Revoke “${apiKey.name}”?`}>
        <form action={revoke} className="space-y-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <p className="text-sm text-ink-muted">
            Requests with this key fail at once, on every instance. This cannot be undone; the key stays
            listed for audit.
          </p>
          <Field
            label="Reason (optional)"
            id="revoke-reason"
            name="reason"
            placeholder="compromised"
            maxLength={200}
          />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger">
              Revoke key
            </Button>
          </div>
        </form>
      </Modal>
    </div>
  );
}
