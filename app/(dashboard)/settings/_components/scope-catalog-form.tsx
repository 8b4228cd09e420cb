"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { scopeProblem } from "@/components/keys/field-helpers";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction } from "@/components/ui/form";
import { updateScopeCatalogAction } from "../actions";

type Values = { scopeCatalog: string[]; draft: string };

/** The scopes your API understands, offered as checkboxes in the create-key dialog. */
export function ScopeCatalogForm({ initial, readOnly }: { initial: string[]; readOnly: boolean }) {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { scopeCatalog: initial, draft: "" } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [scopes, draft] = form.watch(["scopeCatalog", "draft"]);
  const problem = draft.trim() ? scopeProblem(draft.trim()) : null;
  const setScopes = (next: string[]) => {
    setSaved(null);
    form.setValue("scopeCatalog", [...new Set(next)].sort(), { shouldDirty: true });
  };
  const add = () => {
    const scope = draft.trim();
    if (!scope || problem) return;
    setScopes([...scopes, scope]);
    form.setValue("draft", "");
  };
  const save = form.handleSubmit(async ({ scopeCatalog }) => {
    const result = await submitAction(form, () => updateScopeCatalogAction({ scopeCatalog }), {
      scopeCatalog: "draft",
    });
    if (!result.ok) return;
    form.reset({ scopeCatalog: result.data, draft: "" });
    setSaved("Scope catalog saved.");
  });
  const dirty = isDirty && scopes.join(" ") !== form.formState.defaultValues?.scopeCatalog?.join(" ");

  return (
    <form onSubmit={save} className="space-y-4" noValidate aria-busy={isSubmitting}>
      <FormAlert error={errors.root} success={saved} />
      <ul className="flex min-h-8 flex-wrap gap-2" aria-label="Scope catalog">
        {scopes.length === 0 ? <li className="text-sm text-ink-muted">No scopes yet.</li> : null}
        {scopes.map((scope) => (
          <li
            key={scope}
            className="flex max-w-full items-center gap-1 rounded-full bg-slate-100 py-1 pr-1.5 pl-3 font-mono text-xs break-all text-ink ring-1 ring-slate-200"
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
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <Field
                label={<span className="sr-only">New scope</span>}
                error={problem ?? errors.draft?.message}
              >
                <Input
                  placeholder="customers:read"
                  spellCheck={false}
                  className="font-mono"
                  {...form.register("draft")}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") {
                      event.preventDefault();
                      add();
                    }
                  }}
                />
              </Field>
            </div>
            <Button
              type="button"
              variant="secondary"
              onClick={add}
              disabled={!draft.trim() || !!problem}
              className="mt-1.5 shrink-0"
            >
              Add scope
            </Button>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
            <p className="text-xs text-ink-muted">
              {dirty ? "Unsaved changes." : "Removing a scope here does not change existing keys."}
            </p>
            <Button type="submit" disabled={!dirty || isSubmitting} className="shrink-0 whitespace-nowrap">
              {isSubmitting ? "Saving…" : "Save scope catalog"}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
