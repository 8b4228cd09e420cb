"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The one time a secret is shown: copy it, confirm it is stored, and it is gone from the page. */
export function SecretReveal({
  secret,
  keyId,
  onDone,
}: {
  secret: string;
  keyId?: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const [stored, setStored] = useState(false);
  return (
    <div className="space-y-4">
      <Alert tone="warning">
        Copy this key now. Keydesk stores only a hash of it — it will not be shown again.
      </Alert>
      <div className="flex items-stretch gap-2">
        <code
          data-testid="new-secret"
          className="flex-1 overflow-x-auto rounded-lg bg-slate-900 px-3 py-2.5 font-mono text-sm whitespace-nowrap text-slate-100"
        >
          {secret}
        </code>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {keyId ? (
        <p className="text-xs text-ink-muted">
          Key id <code className="font-mono">{keyId}</code>
        </p>
      ) : null}
      <label className="flex items-center gap-2 text-sm text-ink">
        <input
          type="checkbox"
          checked={stored}
          onChange={(event) => setStored(event.target.checked)}
          className="h-4 w-4"
        />
        I have stored it
      </label>
      <div className="flex justify-end">
        <Button onClick={onDone} disabled={!stored}>
          Done
        </Button>
      </div>
    </div>
  );
}
