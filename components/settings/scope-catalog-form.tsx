"use client";

import { useState, useTransition } from "react";
import { updateScopeCatalogAction } from "@/app/(dashboard)/settings/actions";
import { scopeProblem } from "@/components/keys/field-helpers";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The scopes your API understands, offered as checkboxes in the create-key dialog. */
export function ScopeCatalogForm({ initial, readOnly }: { initial: string[]; readOnly: boolean }) {
  const [saved, setSaved] = useState(initial);
  const [scopes, setScopes] = useState(initial);
  const [draft, setDraft] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const problem = draft.trim() ? scopeProblem(draft.trim()) : null;
  const dirty = scopes.join(" ") !== saved.join(" ");
  const add = () => {
    const scope = draft.trim();
    if (!scope || problem) return;
    setScopes((current) => [...new Set([...current, scope])].sort());
    setDraft("");
    setMessage(null);
  };
  const save = () =>
    startTransition(async () => {
      const result = await updateScopeCatalogAction(scopes).catch(() => ({
        ok: false as const,
        message: "Something went wrong; the catalog was not saved.",
      }));
      if (result.ok) {
        setSaved(result.scopes);
        setScopes(result.scopes);
      }
      setMessage(
        result.ok ? { ok: true, text: "Scope catalog saved." } : { ok: false, text: result.message },
      );
    });

  return (
    <div className="space-y-4">
      {message ? <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert> : null}
      <ul className="flex min-h-8 flex-wrap gap-2" aria-label="Scope catalog">
        {scopes.length === 0 ? <li className="text-sm text-ink-muted">No scopes yet.</li> : null}
        {scopes.map((scope) => (
          <li
            key={scope}
            className="flex items-center gap-1 rounded-full bg-slate-100 py-1 pr-1.5 pl-3 font-mono text-xs text-ink ring-1 ring-slate-200"
          >
            {scope}
            {readOnly ? null : (
              <button
                type="button"
                aria-label={`Remove ${scope}`}
                onClick={() => setScopes(scopes.filter((s) => s !== scope))}
                className="rounded-full px-1 text-ink-faint hover:bg-white hover:text-danger"
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? (
        <p className="text-sm text-ink-muted">Read-only access: an owner or admin can change the catalog.</p>
      ) : (
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
              spellCheck={false}
              aria-invalid={problem ? true : undefined}
              className={`min-w-0 flex-1 rounded-lg border bg-white px-3 py-2 font-mono text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none ${problem ? "border-danger" : "border-slate-300"}`}
            />
            <Button type="button" variant="secondary" onClick={add} disabled={!draft.trim() || !!problem}>
              Add scope
            </Button>
          </div>
          {problem ? <p className="text-xs text-danger">{problem}</p> : null}
          <div className="flex items-center justify-between gap-3 border-t border-slate-100 pt-4">
            <p className="text-xs text-ink-muted">
              {dirty ? "Unsaved changes." : "Removing a scope here does not change existing keys."}
            </p>
            <Button onClick={save} disabled={!dirty || pending} className="shrink-0 whitespace-nowrap">
              {pending ? "Saving…" : "Save scope catalog"}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
