import type { ReactNode, TextareaHTMLAttributes } from "react";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: ReactNode;
  id: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Shown under the field, e.g. per-line problems; announced with the field via aria-describedby. */
  extra?: ReactNode;
  mono?: boolean;
};

export function TextareaField({
  label,
  id,
  error,
  hint,
  extra,
  mono = true,
  className = "",
  ...area
}: Props) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null, extra ? `${id}-extra` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-ink-faint focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none disabled:bg-slate-50 disabled:text-ink-muted ${mono ? "font-mono text-xs" : ""} ${error ? "border-danger" : "border-slate-300"} ${className}`}
        {...area}
      />
      {extra ? <div id={`${id}-extra`}>{extra}</div> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
