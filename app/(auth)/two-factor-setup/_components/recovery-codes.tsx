"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmStored } from "@/components/ui/confirm-stored";
import { CopyButton } from "@/components/ui/copy-button";

/** The one time the recovery codes are on screen (Keydesk keeps only their hashes). */
export function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div ref={panel} tabIndex={-1} className="space-y-4 outline-none">
      <Alert tone="success">Two-factor authentication is on.</Alert>
      <Alert tone="warning">
        <strong className="font-semibold">Save these recovery codes now.</strong> Each one signs you in once
        if you lose your phone. They will not be shown again.
      </Alert>
      <ul
        data-testid="recovery-codes"
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-x-4 gap-y-1.5 rounded-lg bg-slate-900 px-4 py-3 font-mono text-sm text-slate-100"
      >
        {codes.map((code) => (
          <li key={code} className="select-all">
            {code}
          </li>
        ))}
      </ul>
      <CopyButton value={codes.join("\n")} label="Copy all codes" className="w-full" />
      <ConfirmStored
        label="I have stored them"
        busy={leaving}
        onDone={() => {
          setLeaving(true);
          router.replace(next);
          router.refresh();
        }}
      />
    </div>
  );
}
