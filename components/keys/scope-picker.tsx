"use client";

import { useState } from "react";
import { scopeProblem } from "./field-helpers";

/** Checkboxes from the tenant's scope catalog, plus free entry of `word:word` scopes. */
export function ScopePicker({
  catalog,
  value,
  onChange,
}: {
  catalog: string[];
  value: string[];
  onChange: (scopes: string[]) => void;
}) {
  const [draft, setDraft] = useState("");
  const options = [...new Set([...catalog, ...value])].sort();
  const problem = draft.trim() ? scopeProblem(draft.trim()) : null;
  const toggle = (scope: string) =>
    onChange(value.includes(scope) ? value.filter((s) => s !== scope) : [...value, scope]);
  const add = () => {
    const scope = draft.trim();
    if (!scope || scopeProblem(scope)) return;
    if (!value.includes(scope)) onChange([...value, scope]);
    setDraft("");
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-ink">Scopes</legend>
      {options.length > 0 ? (
        <div className="grid grid-cols-2 gap-1.5">
          {options.map((scope) => (
            <label key={scope} className="flex items-center gap-2 font-mono text-xs text-ink">
              <input
                type="checkbox"
                checked={value.includes(scope)}
                onChange={() => toggle(scope)}
                className="h-3.5 w-3.5"
              />
              {scope}
            </label>
          ))}
        </div>
      ) : (
        <p className="text-xs text-ink-muted">
          A key without scopes passes only checks that require none. Add your API's scopes in Settings to pick
          them here, or type one below.
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
          aria-invalid={problem ? true : undefined}
          className={`flex-1 rounded-lg border px-3 py-1.5 font-mono text-xs ${problem ? "border-danger" : "border-slate-300"}`}
        />
        <button
          type="button"
          onClick={add}
          disabled={!draft.trim() || !!problem}
          className="rounded-lg border border-slate-300 px-3 text-xs disabled:opacity-50"
        >
          Add
        </button>
      </div>
      {problem ? <p className="text-xs text-danger">{problem}</p> : null}
    </fieldset>
  );
}
