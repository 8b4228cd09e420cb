"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/settings", label: "General" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/webhooks", label: "Webhooks" },
] as const;

/** Settings' sections, as links (each is its own page, so each has its own URL). */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections" className="-mt-4 mb-6 flex gap-1 border-b border-slate-200">
      {SECTIONS.map((section) => {
        // A section's own sub-pages (an endpoint's delivery log) keep it highlighted.
        const active =
          pathname === section.href ||
          (section.href !== "/settings" && pathname.startsWith(`${section.href}/`));
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-ink-muted hover:text-ink"}`}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
