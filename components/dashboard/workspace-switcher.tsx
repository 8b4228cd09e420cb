"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

export type Workspace = { tenantId: string; name: string; role: string };

/**
 * The current workspace, and a native select to move this browser to another one. The action is
 * passed in by the layout (components never import app/); the server checks the membership.
 */
export function WorkspaceSwitcher({
  current,
  workspaces,
  switchWorkspace,
}: {
  current: string;
  workspaces: Workspace[];
  switchWorkspace: (input: { tenantId: string }) => Promise<ActionResult<null>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (tenantId: string) =>
    startTransition(async () => {
      const result = await switchWorkspace({ tenantId }).catch(() => ({
        ok: false as const,
        message: "Could not switch; try again.",
      }));
      if (!result.ok) return setError(result.message);
      setError(null);
      router.push("/keys");
      router.refresh();
    });
  return (
    <div>
      <label htmlFor="workspace-switcher" className="sr-only">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        value={current}
        disabled={pending}
        aria-busy={pending}
        onChange={(event) => change(event.target.value)}
        className="w-full truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-ink"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.tenantId} value={workspace.tenantId}>
            {workspace.name}
          </option>
        ))}
      </select>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
