"use client";

import { TextareaField } from "@/components/ui/textarea-field";
import { allowlistProblems, allowlistTooLong } from "./field-helpers";

/** One address or CIDR per line; each bad line gets its own message, naming the line. */
export function AllowlistField({
  id,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const problems = allowlistProblems(value);
  const tooLong = allowlistTooLong(value);
  return (
    <TextareaField
      id={id}
      label="IP allowlist"
      hint="One IPv4/IPv6 address or CIDR range per line. Empty means the key works from anywhere."
      rows={3}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      placeholder={"203.0.113.0/24\n2001:db8::/32"}
      error={error ?? tooLong ?? undefined}
      aria-invalid={problems.length > 0 || undefined}
      className={problems.length > 0 ? "border-danger" : ""}
      extra={
        problems.length > 0 ? (
          <ul className="space-y-1" aria-label="Allowlist problems">
            {problems.map((problem) => (
              <li key={problem.line} className="flex gap-2 text-xs text-danger">
                <span className="shrink-0 text-ink-faint">Line {problem.line}</span>
                <code className="shrink-0 font-mono">{problem.entry}</code>
                <span>{problem.message}</span>
              </li>
            ))}
          </ul>
        ) : null
      }
    />
  );
}

export function allowlistInvalid(value: string): boolean {
  return allowlistProblems(value).length > 0 || allowlistTooLong(value) !== null;
}
