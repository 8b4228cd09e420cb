import type { ReactNode } from "react";

export function Step({
  number,
  title,
  done,
  active,
  children,
}: {
  number: number;
  title: string;
  done: boolean;
  active: boolean;
  children: ReactNode;
}) {
  return (
    <li
      className={`rounded-card border bg-white shadow-card ${active ? "border-brand-300" : "border-slate-200"}`}
    >
      <div className="flex items-center gap-3 px-6 py-4">
        <span
          className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${done ? "bg-ok text-white" : active ? "bg-brand-600 text-white" : "bg-slate-100 text-ink-muted"}`}
          aria-hidden="true"
        >
          {done ? "✓" : number}
        </span>
        <h2 className={`font-semibold ${active || done ? "text-ink" : "text-ink-muted"}`}>
          {title}
          {done ? <span className="sr-only"> (done)</span> : null}
        </h2>
      </div>
      {active || done ? (
        <div className="space-y-4 border-t border-slate-100 px-6 py-5">{children}</div>
      ) : null}
    </li>
  );
}
