import Link from "next/link";

export type Filters = {
  status?: string | undefined;
  environment?: string | undefined;
  type?: string | undefined;
};

type Group = { name: keyof Filters; label: string; options: { value: string; label: string }[] };

/** `value:Label` pairs, the filter links of one group. */
const group = (name: keyof Filters, label: string, options: string[]): Group => ({
  name,
  label,
  options: options.map((pair) => {
    const [value = "", text = ""] = pair.split(":");
    return { value, label: text };
  }),
});

const GROUPS: Group[] = [
  group("status", "Status", ["active:Active", "expired:Expired", "revoked:Revoked"]),
  group("environment", "Environment", ["live:Live", "test:Test"]),
  group("type", "Type", ["secret:Secret", "public_key:Public key", "signed:Signed"]),
];

export function filtersHref(current: Filters, name: keyof Filters, value: string | undefined): string {
  const params = new URLSearchParams(
    Object.entries({ ...current, [name]: value }).filter((e): e is [string, string] => !!e[1]),
  );
  const query = params.toString();
  return query ? `/keys?${query}` : "/keys";
}

/** Server-rendered filter links: a filtered list is a URL, so it can be shared and reloaded. */
export function KeyFilters({ current }: { current: Filters }) {
  return (
    <nav aria-label="Filters" className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
      {GROUPS.map((group) => (
        <div key={group.name} className="flex items-center gap-1">
          <span className="mr-1 text-xs font-medium tracking-wide text-ink-faint uppercase">
            {group.label}
          </span>
          {[{ value: undefined, label: "All" }, ...group.options].map((option) => {
            const active = current[group.name] === option.value;
            return (
              <Link
                key={option.value ?? "all"}
                href={filtersHref(current, group.name, option.value)}
                aria-current={active ? "true" : undefined}
                className={`rounded-full px-2.5 py-0.5 text-xs transition-colors ${active ? "bg-slate-900 text-white" : "bg-white text-ink-muted ring-1 ring-slate-200 hover:text-ink hover:ring-slate-300"}`}
              >
                {option.label}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
