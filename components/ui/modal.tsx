"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A native <dialog> opened with showModal(): focus is trapped, Escape closes, the page behind is
 * inert — accessibility the browser already gets right.
 */
export function Modal({
  open,
  onClose,
  title,
  children,
  dismissable = true,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  dismissable?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="modal-title"
      onCancel={(event) => {
        event.preventDefault();
        if (dismissable) onClose();
      }}
      className="m-auto w-full max-w-xl rounded-card border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="max-h-[85vh] overflow-y-auto">
          <header className="flex items-center justify-between border-b border-slate-100 px-6 py-4">
            <h2 id="modal-title" className="text-base font-semibold text-ink">
              {title}
            </h2>
            {dismissable ? (
              <button
                type="button"
                onClick={onClose}
                aria-label="Close"
                className="rounded p-1 text-ink-faint hover:text-ink"
              >
                ✕
              </button>
            ) : null}
          </header>
          <div className="px-6 py-5">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
