"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** A public_key key has no secret to show; what the client needs is its id, for the JWT `sub`. */
export function PublicKeyCreated({
  keyId,
  fingerprint,
  onDone,
}: {
  keyId: string;
  fingerprint: string | null;
  onDone: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div ref={panel} tabIndex={-1} data-autofocus className="space-y-4 text-sm outline-none">
      <p className="text-ink">
        Public key accepted. Clients sign ES256 JWTs with the matching private key and put this id in the{" "}
        <code className="font-mono">sub</code> claim:
      </p>
      <div className="flex items-start gap-2">
        <code
          data-testid="new-key-id"
          className="flex-1 rounded-lg bg-slate-100 px-3 py-2.5 font-mono text-sm break-all text-ink"
        >
          {keyId}
        </code>
        <CopyButton value={keyId} label="Copy id" />
      </div>
      {fingerprint ? (
        <p className="text-xs text-ink-muted">
          JWK thumbprint (RFC 7638) <code className="font-mono break-all text-ink">{fingerprint}</code>
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
