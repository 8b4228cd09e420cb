"use client";

import { useState } from "react";
import { JwtPath } from "./jwt-path";
import { SecretPath } from "./secret-path";

export function OnboardingWizard({ appUrl, readOnly }: { appUrl: string; readOnly: boolean }) {
  const [path, setPath] = useState<"jwt" | "secret">("jwt");
  return (
    <div className="space-y-6">
      <div role="tablist" aria-label="Credential type" className="grid gap-3 sm:grid-cols-2">
        {[
          {
            id: "jwt" as const,
            title: "Signed JWTs (ES256)",
            body: "Your private key never leaves your systems. Recommended.",
          },
          {
            id: "secret" as const,
            title: "Secret API key",
            body: "One ak_test_… string in X-API-Key. Quickest start.",
          },
        ].map((option) => (
          <button
            key={option.id}
            type="button"
            role="tab"
            aria-selected={path === option.id}
            onClick={() => setPath(option.id)}
            className={`rounded-card border p-4 text-left shadow-card ${path === option.id ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-white hover:border-slate-300"}`}
          >
            <p className="font-semibold text-ink">{option.title}</p>
            <p className="mt-1 text-sm text-ink-muted">{option.body}</p>
          </button>
        ))}
      </div>
      {readOnly ? (
        <p className="text-sm text-ink-muted">
          You have read-only access; an owner or admin can create keys.
        </p>
      ) : null}
      {path === "jwt" ? (
        <JwtPath appUrl={appUrl} readOnly={readOnly} />
      ) : (
        <SecretPath appUrl={appUrl} readOnly={readOnly} />
      )}
    </div>
  );
}
