"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A native <dialog> opened with showModal(): focus is trapped, Escape closes, the page behind is
 * inert and focus returns to the opener on close — accessibility the browser already gets right.
 * A child marked `data-autofocus` receives focus first (React's autoFocus fires before showModal).
 */
export function Modal({
  open,
  onClose,
  title,
  children,
  dismissable = true,
  size = "md",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  dismissable?: boolean;
  size?: "md" | "lg";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        if (dismissable) onClose();
      }}
      className={`m-auto w-full ${size === "lg" ? "max-w-2xl" : "max-w-xl"} rounded-card border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open ? (
        <div className="max-h-[85vh] overflow-y-auto">
          <header className="sticky top-0 z-10 flex items-center justify-between border-b border-slate-100 bg-white px-6 py-4">
            <h2 id={titleId} className="text-base font-semibold text-ink">
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
