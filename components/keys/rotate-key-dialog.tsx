"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import type { ActionFailure } from "@/app/(dashboard)/keys/action-result";
import { type IssueResult, rotateKeyAction } from "@/app/(dashboard)/keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { ApiKeyDto } from "@/lib/dal/api-keys/dto";
import { formatDateTime } from "./format";
import { PublicKeyCreated } from "./public-key-created";
import { PublicKeyField, pemLooksPrivate } from "./public-key-field";
import { SecretReveal } from "./secret-reveal";

const GRACE = [
  { seconds: 0, label: "Immediately", hint: "for a leaked key" },
  { seconds: 3600, label: "1 hour", hint: "" },
  { seconds: 86_400, label: "24 hours", hint: "default" },
  { seconds: 604_800, label: "7 days", hint: "the longest" },
];

const FAILED: ActionFailure = {
  ok: false,
  message: "Something went wrong; the key was not rotated.",
  fieldErrors: {},
};

type Props = { apiKey: Pick<ApiKeyDto, "id" | "name" | "type">; open: boolean; onClose: () => void };

export function RotateKeyDialog({ apiKey, open, onClose }: Props) {
  const router = useRouter();
  const [grace, setGrace] = useState(86_400);
  const [publicKey, setPublicKey] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [rotated, setRotated] = useState<{
    result: Extract<IssueResult, { ok: true }>;
    oldStops: string;
  } | null>(null);
  const [pending, startTransition] = useTransition();
  const needsPem = apiKey.type === "public_key";

  const finish = () => {
    const next = rotated?.result.key.id;
    setRotated(null);
    setFailure(null);
    onClose();
    if (next) router.push(`/keys/${next}`);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { gracePeriodSeconds: grace, ...(needsPem ? { publicKey } : {}) };
    const oldStops = new Date(Date.now() + grace * 1000).toISOString();
    startTransition(async () => {
      const result = await rotateKeyAction(apiKey.id, input).catch(() => FAILED);
      if (result.ok) setRotated({ result, oldStops });
      else setFailure(result);
    });
  }

  const stopsNote = rotated
    ? grace === 0
      ? "The old key has stopped working."
      : `The old key keeps working until about ${formatDateTime(rotated.oldStops)}.`
    : "";
  return (
    <Modal
      open={open}
      onClose={finish}
      title={rotated ? "Your rotated key" : `Rotate “${apiKey.name}”`}
      dismissable={!rotated?.result.secret}
    >
      {rotated?.result.secret ? (
        <SecretReveal
          secret={rotated.result.secret}
          kind={apiKey.type === "signed" ? "signed" : "secret"}
          keyId={rotated.result.key.id}
          note={stopsNote}
          onDone={finish}
        />
      ) : rotated ? (
        <div className="space-y-3">
          <Alert tone="info">{stopsNote} Clients must use the new key id as their JWT sub.</Alert>
          <PublicKeyCreated
            keyId={rotated.result.key.id}
            fingerprint={rotated.result.key.fingerprint}
            onDone={finish}
          />
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-5" aria-busy={pending}>
          {failure && !failure.fieldErrors.publicKey ? <Alert tone="error">{failure.message}</Alert> : null}
          <p className="text-sm text-ink-muted">
            A new key with the same settings is created{needsPem ? " for your new public key" : ""}. Give your
            clients time to switch: when should this key stop working?
          </p>
          <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <legend className="sr-only">The current key stops working</legend>
            {GRACE.map((option) => (
              <label
                key={option.seconds}
                className={`cursor-pointer rounded-lg border px-3 py-2 text-sm focus-within:ring-2 focus-within:ring-brand-200 ${grace === option.seconds ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300"}`}
              >
                <span className="flex items-center gap-2 font-medium text-ink">
                  <input
                    type="radio"
                    name="grace"
                    checked={grace === option.seconds}
                    onChange={() => setGrace(option.seconds)}
                    className="accent-brand-600"
                  />
                  {option.label}
                </span>
                {option.hint ? (
                  <span className="mt-0.5 block pl-5 text-xs text-ink-faint">{option.hint}</span>
                ) : null}
              </label>
            ))}
          </fieldset>
          {needsPem ? (
            <PublicKeyField
              id="rotate-pem"
              label="New public key (public.pem)"
              value={publicKey}
              onChange={setPublicKey}
              error={failure?.fieldErrors.publicKey}
            />
          ) : null}
          <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
            <Button type="button" variant="secondary" onClick={finish}>
              Cancel
            </Button>
            <Button
              type="submit"
              disabled={pending || (needsPem && (!publicKey.trim() || pemLooksPrivate(publicKey)))}
            >
              {pending ? "Rotating…" : "Rotate key"}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
