"use client";

import { useState } from "react";
import { updateScopeCatalogAction } from "@/app/(dashboard)/settings/secret-actions";
import { scopeProblem } from "@/components/keys/field-helpers";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ScopeCatalogForm({ initial, readOnly }: { initial: string[]; readOnly: boolean }) {
  const [scopes, setScopes] = useState(initial);
  const [draft, setDraft] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const problem = draft.trim() ? scopeProblem(draft.trim()) : null;
  const add = () => {
    const scope = draft.trim();
    if (!scope || problem) return;
    setScopes((current) => [...new Set([...current, scope])].sort());
    setDraft("");
  };
  return (
    <div className="max-w-lg space-y-3">
      {message ? <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert> : null}
      <ul className="flex flex-wrap gap-2" aria-label="Scope catalog">
        {scopes.length === 0 ? <li className="text-sm text-ink-muted">No scopes yet.</li> : null}
        {scopes.map((scope) => (
          <li
            key={scope}
            className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 font-mono text-xs"
          >
            {scope}
            {readOnly ? null : (
              <button
                type="button"
                aria-label={`Remove ${scope}`}
                onClick={() => setScopes(scopes.filter((s) => s !== scope))}
                className="rounded-full px-1 text-ink-faint hover:text-danger"
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <>
          <div className="flex gap-2">
            <input
              aria-label="New scope"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  add();
                }
              }}
              placeholder="customers:read"
              className={`flex-1 rounded-lg border px-3 py-2 font-mono text-sm ${problem ? "border-danger" : "border-slate-300"}`}
            />
            <Button type="button" variant="secondary" onClick={add} disabled={!draft.trim() || !!problem}>
              Add scope
            </Button>
          </div>
          {problem ? <p className="text-xs text-danger">{problem}</p> : null}
          <Button
            onClick={async () => {
              const result = await updateScopeCatalogAction(scopes);
              setMessage(
                result.ok ? { ok: true, text: "Scope catalog saved." } : { ok: false, text: result.message },
              );
            }}
          >
            Save scope catalog
          </Button>
        </>
      )}
    </div>
  );
}
