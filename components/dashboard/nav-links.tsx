"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon } from "@/components/ui/icon";

const LINKS = [
  {
    href: "/keys",
    label: "Keys",
    icon: "M15 7a2 2 0 1 1 4 0 2 2 0 0 1-4 0Zm-2 0a4 4 0 1 0-1.2 2.8L3 18.6V21h3v-2h2v-2h2l1.8-1.8A4 4 0 0 0 13 7Z",
  },
  {
    href: "/identities",
    label: "Identities",
    icon: "M16 11a4 4 0 1 0-8 0 4 4 0 0 0 8 0Zm-11 10a7 7 0 0 1 14 0M19 8a3 3 0 0 1 0 6m3 7a5 5 0 0 0-3-4.6",
  },
  { href: "/usage", label: "Usage", icon: "M4 20V10m6 10V4m6 16v-7m4 7H2" },
  { href: "/onboarding", label: "Onboarding", icon: "M5 12l5 5L20 7" },
  { href: "/api-reference", label: "API reference", icon: "M8 6l-6 6 6 6M16 6l6 6-6 6" },
  {
    href: "/account",
    label: "Account",
    icon: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0",
  },
  {
    href: "/settings",
    label: "Settings",
    icon: "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.6 7.6 0 0 0-2-1.2L14.5 3h-4l-.4 2.6a7.6 7.6 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.6 7.6 0 0 0 2 1.2l.4 2.6h4l.4-2.6a7.6 7.6 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2Z",
  },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {LINKS.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${active ? "bg-brand-50 text-brand-700" : "text-ink-muted hover:bg-slate-100 hover:text-ink"}`}
          >
            <Icon>
              <path d={link.icon} />
            </Icon>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
