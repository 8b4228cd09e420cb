import type { ReactNode } from "react";

const TONES = {
  error: "border-red-200 bg-danger-soft text-red-800",
  warning: "border-amber-200 bg-warn-soft text-amber-900",
  success: "border-emerald-200 bg-ok-soft text-emerald-900",
  info: "border-brand-200 bg-brand-50 text-brand-900",
} as const;

export function Alert({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}
