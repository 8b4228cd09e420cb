import type { ReactNode } from "react";
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
  return (
    <Providers>
      <div className="flex min-h-screen flex-col md:flex-row">
        <aside className="flex flex-col gap-6 border-b border-slate-200 bg-white px-4 py-5 md:w-60 md:border-r md:border-b-0">
          <Logo className="px-2 text-lg" />
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
        </aside>
        <main className="flex-1 px-6 py-8 md:px-10">{children}</main>
      </div>
    </Providers>
  );
}
