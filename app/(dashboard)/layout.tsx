import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { NavLinks } from "@/components/dashboard/nav-links";
import { Providers } from "@/components/dashboard/providers";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { WorkspaceSwitcher } from "@/components/dashboard/workspace-switcher";
import { Logo } from "@/components/ui/logo";
import { requireContext } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/dal/workspaces";
import { logOutEverywhereAction, switchWorkspaceAction } from "./session-actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireContext();
  const workspaces = await listWorkspaces(ctx.userId);
  const current = workspaces.find((workspace) => workspace.tenantId === ctx.tenantId);
  const sidebar = (
    <>
      {/* On phones the top bar already shows the logo. */}
      <div className="hidden px-2 md:block">
        <Logo className="text-lg" />
      </div>
      <div className="rounded-lg bg-slate-50 px-3 py-2">
        {workspaces.length > 1 ? (
          <WorkspaceSwitcher
            current={ctx.tenantId}
            workspaces={workspaces}
            switchWorkspace={switchWorkspaceAction}
          />
        ) : null}
        <p
          className={workspaces.length > 1 ? "sr-only" : "truncate text-sm font-semibold text-ink"}
          data-testid="tenant-name"
        >
          {current?.name}
        </p>
        <p className="truncate text-xs text-ink-muted">
          {ctx.email} · <span className="capitalize">{ctx.role}</span>
        </p>
      </div>
      <NavLinks />
      <div className="mt-auto">
        <SignOutButton logOutEverywhere={logOutEverywhereAction} />
      </div>
    </>
  );
  return (
    <Providers>
      <DashboardShell sidebar={sidebar}>
        {ctx.role === "viewer" ? (
          <p
            role="note"
            data-testid="viewer-note"
            className="mb-6 rounded-lg border border-brand-200 bg-brand-50 px-4 py-2.5 text-sm text-brand-900"
          >
            You have read-only access to this workspace (viewer): you can see keys, usage and settings, but
            only an owner or admin can create, rotate or revoke keys or change settings.
          </p>
        ) : null}
        {children}
      </DashboardShell>
    </Providers>
  );
}
