"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import type { ActionFailure } from "@/lib/actions/action-result";
import { Alert } from "./alert";
import { Button } from "./button";
import { Modal } from "./modal";

/**
 * "Are you sure?" for one server action: the action's failure is shown in the dialog, an ended
 * session goes to login, success closes the dialog and refreshes the page (or `onDone` decides).
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  tone = "danger",
  failure,
  run,
  onClose,
  onDone,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  tone?: "danger" | "primary";
  /** Said when the action cannot be reached at all. */
  failure: string;
  run: () => Promise<{ ok: true } | Pick<ActionFailure, "ok" | "code" | "message">>;
  onClose: () => void;
  onDone?: () => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = () =>
    startTransition(async () => {
      const result = await run().catch(() => ({
        ok: false as const,
        code: "INTERNAL_ERROR" as const,
        message: failure,
      }));
      if (!result.ok) {
        if (result.code === "UNAUTHORIZED") window.location.assign("/login");
        return setError(result.message);
      }
      if (onDone) return onDone();
      close();
      router.refresh();
    });
  return (
    <Modal open={open} onClose={close} title={title}>
      {open ? (
        <div className="space-y-4 text-sm">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="text-ink">{children}</div>
          <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
            <Button type="button" variant="secondary" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button variant={tone} disabled={pending} onClick={confirm}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
