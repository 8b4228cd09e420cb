"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * The end of every "shown once" screen: a box to tick once the secret is stored, and the button that
 * closes the screen, enabled only then.
 */
export function ConfirmStored({
  label,
  onDone,
  busy = false,
}: {
  label: string;
  onDone: () => void;
  busy?: boolean;
}) {
  const [stored, setStored] = useState(false);
  return (
    <>
      <label className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2.5 text-sm text-ink">
        <input
          type="checkbox"
          checked={stored}
          onChange={(event) => setStored(event.target.checked)}
          className="h-4 w-4 accent-brand-600"
        />
        {label}
      </label>
      <div className="flex items-center justify-end gap-3">
        {stored ? null : (
          <span className="text-xs text-ink-faint">Tick the box once it is stored safely.</span>
        )}
        <Button onClick={onDone} disabled={!stored || busy}>
          {busy ? "Opening…" : "Done"}
        </Button>
      </div>
    </>
  );
}
