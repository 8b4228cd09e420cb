"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { allowlistProblems } from "@/components/keys/field-helpers";
import { Field, TextArea } from "@/components/ui/field";

/** One address or CIDR per line; each bad line gets its own message, naming the line. */
export function AllowlistField({
  value,
  field,
  error,
}: {
  value: string;
  field: UseFormRegisterReturn;
  error?: string | undefined;
}) {
  const problems = allowlistProblems(value);
  return (
    <Field
      label="IP allowlist"
      hint="One IPv4/IPv6 address or CIDR range per line. Empty means the key works from anywhere."
      error={error}
      extra={
        problems.length > 0 ? (
          <ul className="space-y-1" aria-label="Allowlist problems">
            {problems.map((problem) => (
              <li key={problem.line} className="flex flex-wrap gap-x-2 text-xs text-danger">
                <span className="shrink-0 text-ink-faint">Line {problem.line}</span>
                <code className="font-mono break-all">{problem.entry}</code>
                <span>{problem.message}</span>
              </li>
            ))}
          </ul>
        ) : null
      }
    >
      <TextArea rows={3} placeholder={"203.0.113.0/24\n2001:db8::/32"} {...field} />
    </Field>
  );
}
