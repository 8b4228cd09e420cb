"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateWebhookAction } from "../actions";
import { runAction } from "./run-action";

/**
 * The endpoint's on/off switch. Switching it back on also clears the reason Keydesk had switched it
 * off (the DAL does that), so a fixed receiver starts getting events again.
 */
export function EnabledSwitch({
  id,
  enabled,
  label,
  readOnly,
}: {
  id: string;
  enabled: boolean;
  label: string;
  readOnly: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await runAction(
        () => updateWebhookAction(id, { enabled: !enabled }),
        "Something went wrong; nothing was changed.",
      );
      setError(result.ok ? null : result.message);
      if (result.ok) router.refresh();
    });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        aria-label={label}
        disabled={readOnly || pending}
        title={readOnly ? "Read-only access: an owner or admin can switch endpoints on or off." : undefined}
        onClick={toggle}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${enabled ? "bg-brand-600" : "bg-slate-300"}`}
      >
        <span
          className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${enabled ? "translate-x-5" : "translate-x-0.5"}`}
        />
      </button>
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
