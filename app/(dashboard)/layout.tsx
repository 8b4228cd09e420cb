import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { NavLinks } from "@/components/dashboard/nav-links";
import { Providers } from "@/components/dashboard/providers";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { requireContext } from "@/lib/auth/session";
import { findMembership } from "@/lib/dal/memberships";
import { logOutEverywhereAction } from "./session-actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireContext();
  const membership = await findMembership(ctx.userId, ctx.tenantId);
  const sidebar = (
    <>
      {/* On phones the top bar already shows the logo. */}
      <div className="hidden px-2 md:block">
        <Logo className="text-lg" />
      </div>
      <div className="rounded-lg bg-slate-50 px-3 py-2">
        <p className="truncate text-sm font-semibold text-ink" data-testid="tenant-name">
          {membership?.tenantName}
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
      <DashboardShell sidebar={sidebar}>{children}</DashboardShell>
    </Providers>
  );
}
