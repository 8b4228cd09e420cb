import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <div className="w-full max-w-sm rounded-card border border-slate-200 bg-white p-8 shadow-card">
        {children}
      </div>
      <p className="mt-8 max-w-sm text-center text-xs text-ink-faint">
        API keys for your customers — issued, scoped, rotated, revoked and verified in one place.
      </p>
    </main>
  );
}
