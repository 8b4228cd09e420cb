"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmStored } from "@/components/ui/confirm-stored";
import { CopyButton } from "@/components/ui/copy-button";

export type SecretKind = "secret" | "signed" | "signing_secret" | "webhook_secret" | "invitation";

// Said plainly per kind, because each is kept differently and "stores only a hash" is true of one.
const WARNINGS: Record<SecretKind, string> = {
  secret: "Copy this key now. Keydesk keeps only a hash of it, so it cannot be shown again.",
  signed: "Copy this key now. Keydesk does not keep signed keys, so it cannot be shown again.",
  signing_secret:
    "Copy this secret now if your services verify signed keys offline. It is stored encrypted and will not be shown again.",
  webhook_secret:
    "Copy this secret now into the service that receives the webhooks: it verifies their signatures with it. It is stored encrypted and will not be shown again.",
  invitation:
    "Copy this link now and send it to the person you invited. Keydesk keeps only a hash of it, so it cannot be shown again. It works once, for 7 days.",
};

/**
 * The one time a secret is on screen. It lives only in this component's props: closing the dialog
 * unmounts it, and nothing writes it to a URL, storage or the console.
 */
export function SecretReveal({
  secret,
  kind,
  keyId,
  note,
  onDone,
}: {
  secret: string;
  kind: SecretKind;
  keyId?: string;
  note?: string;
  onDone: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  // Replacing the form unmounts the focused button; put focus on the warning, not the secret itself.
  useEffect(() => panel.current?.focus(), []);
  return (
    <div ref={panel} tabIndex={-1} data-autofocus className="space-y-4 outline-none">
      <Alert tone="warning">
        <strong className="font-semibold">This is the only time you will see it.</strong> {WARNINGS[kind]}
      </Alert>
      <div className="flex items-start gap-2">
        <code
          data-testid="new-secret"
          className="flex-1 rounded-lg bg-slate-900 px-3 py-2.5 font-mono text-sm leading-relaxed break-all text-slate-100 select-all"
        >
          {secret}
        </code>
        <CopyButton value={secret} />
      </div>
      {keyId ? (
        <p className="flex items-center gap-2 text-xs text-ink-muted">
          Key id <code className="font-mono text-ink">{keyId}</code>
        </p>
      ) : null}
      {note ? <p className="text-sm text-ink-muted">{note}</p> : null}
      <ConfirmStored label="I have stored it" onDone={onDone} />
    </div>
  );
}
