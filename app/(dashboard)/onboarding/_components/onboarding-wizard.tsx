"use client";

import { useState } from "react";
import { Tabs } from "@/components/ui/tabs";
import { JwtPath } from "./jwt-path";
import { SecretPath } from "./secret-path";

const PATHS = [
  {
    id: "jwt",
    label: (
      <>
        <span className="block font-semibold text-ink">Signed JWTs (ES256)</span>
        <span className="mt-1 block text-sm text-ink-muted">
          Your private key never leaves your systems. Recommended.
        </span>
      </>
    ),
  },
  {
    id: "secret",
    label: (
      <>
        <span className="block font-semibold text-ink">Secret API key</span>
        <span className="mt-1 block text-sm text-ink-muted">
          One ak_test_… string in X-API-Key. Quickest start.
        </span>
      </>
    ),
  },
] as const;

export function OnboardingWizard({ appUrl, readOnly }: { appUrl: string; readOnly: boolean }) {
  const [path, setPath] = useState<"jwt" | "secret">("jwt");
  // The panel below the two cards holds the chosen path.
  return (
    <div>
      <Tabs
        variant="cards"
        label="Credential type"
        value={path}
        tabs={PATHS}
        onChange={setPath}
        panelClassName="mt-6 space-y-6"
      >
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
      </Tabs>
    </div>
  );
}
