"use client";

import { type ComponentProps, createContext, type ReactNode, useContext, useId } from "react";

/**
 * One field frame for every form: the label, the control, its hint, then its error. The error is an
 * alert (announced when it appears) and the control points at hint, extra and error through
 * aria-describedby, so a screen reader hears the same thing a sighted user sees, on every form.
 */
type Control = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };
const FieldControl = createContext<Control | null>(null);

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown between hint and error, e.g. per-line problems; described like the hint. */
  extra?: ReactNode;
  id?: string;
  children: ReactNode;
};

function describedBy(id: string, parts: Record<string, unknown>): string | undefined {
  const ids = Object.entries(parts)
    .filter(([, present]) => present)
    .map(([part]) => `${id}-${part}`);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function Field({ label, hint, error, extra, id, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const control: Control = {
    id: controlId,
    "aria-describedby": describedBy(controlId, { hint, extra, error }),
    ...(error ? { "aria-invalid": true as const } : {}),
  };
  return (
    <div className="min-w-0 space-y-1.5">
      <label htmlFor={controlId} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <FieldControl value={control}>{children}</FieldControl>
      <FieldNotes id={controlId} hint={hint} extra={extra} error={error} />
    </div>
  );
}

/** A group of checkboxes or radios: a legend instead of a label, the same hint and error. */
export function FieldGroup({ label, hint, error, extra, children }: Omit<FieldProps, "id">) {
  const id = useId();
  return (
    <fieldset className="min-w-0 space-y-1.5" aria-describedby={describedBy(id, { hint, extra, error })}>
      <legend className="mb-1.5 text-sm font-medium text-ink">{label}</legend>
      {children}
      <FieldNotes id={id} hint={hint} extra={extra} error={error} />
    </fieldset>
  );
}

function FieldNotes({
  id,
  hint,
  extra,
  error,
}: { id: string } & Pick<FieldProps, "hint" | "extra" | "error">) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      {extra ? <div id={`${id}-extra`}>{extra}</div> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

const CONTROL =
  "block w-full min-w-0 rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-ink-faint focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none disabled:bg-slate-50 disabled:text-ink-muted aria-invalid:border-danger border-slate-300";

function useControl(): Control | Record<string, never> {
  return useContext(FieldControl) ?? {};
}

export function Input({ className = "", ...props }: ComponentProps<"input">) {
  return <input {...useControl()} className={`${CONTROL} ${className}`} {...props} />;
}

export function TextArea({
  className = "",
  mono = true,
  ...props
}: ComponentProps<"textarea"> & { mono?: boolean }) {
  return (
    <textarea
      {...useControl()}
      className={`${CONTROL} ${mono ? "font-mono text-xs" : ""} ${className}`}
      {...props}
    />
  );
}

export function Select({
  options,
  className = "",
  ...props
}: ComponentProps<"select"> & { options: readonly { value: string; label: string }[] }) {
  return (
    <select {...useControl()} className={`${CONTROL} ${className}`} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
