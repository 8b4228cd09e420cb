"use client";

import Link from "next/link";
import { useState } from "react";
import { scopeProblem } from "@/components/keys/field-helpers";
import { FieldGroup } from "@/components/ui/field";

/** Checkboxes from the tenant's scope catalog, plus free entry of `word:word` scopes. */
export function ScopePicker({
  catalog,
  value,
  onChange,
  error,
}: {
  catalog: string[];
  value: string[];
  onChange: (scopes: string[]) => void;
  error?: string | undefined;
}) {
  const [draft, setDraft] = useState("");
  const options = [...new Set([...catalog, ...value])].sort();
  const problem = draft.trim() ? scopeProblem(draft.trim()) : null;
  const toggle = (scope: string) =>
    onChange(value.includes(scope) ? value.filter((s) => s !== scope) : [...value, scope].sort());
  const add = () => {
    const scope = draft.trim();
    if (!scope || scopeProblem(scope)) return;
    if (!value.includes(scope)) onChange([...value, scope].sort());
    setDraft("");
  };
  return (
    <FieldGroup label="Scopes" error={problem ?? error}>
      {options.length > 0 ? (
        <div className="grid grid-cols-1 gap-x-4 gap-y-1.5 rounded-lg border border-slate-200 p-3 min-[420px]:grid-cols-2 sm:grid-cols-3">
          {options.map((scope) => (
            <label
              key={scope}
              className="flex min-w-0 items-center gap-2 font-mono text-xs break-all text-ink"
            >
              <input
                type="checkbox"
                checked={value.includes(scope)}
                onChange={() => toggle(scope)}
                className="h-3.5 w-3.5 shrink-0 accent-brand-600"
              />
              {scope}
            </label>
          ))}
        </div>
      ) : (
        <p className="text-xs text-ink-muted">
          No scopes selected: the key passes only checks that require none. Add your API&apos;s scopes to the{" "}
          <Link href="/settings" className="text-brand-700 hover:underline">
            scope catalog
          </Link>{" "}
          to pick them here, or type one below.
        </p>
      )}
      <div className="flex gap-2">
        <input
          aria-label="Add a scope"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          placeholder="customers:write"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-mono text-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-invalid:border-danger"
        />
        <button
          type="button"
          onClick={add}
          disabled={!draft.trim() || !!problem}
          className="rounded-lg border border-slate-300 bg-white px-3 text-xs font-medium text-ink hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-ink-faint"
        >
          Add
        </button>
      </div>
    </FieldGroup>
  );
}
