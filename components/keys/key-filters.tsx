import Link from "next/link";

type Filters = { status?: string; environment?: string; type?: string };

const OPTIONS = {
  status: ["active", "expired", "revoked"],
  environment: ["live", "test"],
  type: ["secret", "public_key", "signed"],
} as const;

function href(current: Filters, name: keyof Filters, value: string | undefined) {
  const params = new URLSearchParams(
    Object.entries({ ...current, [name]: value }).filter((e): e is [string, string] => !!e[1]),
  );
  const query = params.toString();
  return query ? `/keys?${query}` : "/keys";
}

/** Server-rendered filter chips: links, so a filtered list is shareable and works without JS. */
export function KeyFilters({ current }: { current: Filters }) {
  return (
    <nav aria-label="Filters" className="mb-4 flex flex-wrap gap-4 text-sm">
      {(Object.keys(OPTIONS) as (keyof Filters)[]).map((name) => (
        <div key={name} className="flex items-center gap-1">
          <span className="mr-1 text-xs text-ink-faint uppercase">{name}</span>
          {[undefined, ...OPTIONS[name]].map((value) => {
            const active = current[name] === value;
            return (
              <Link
                key={value ?? "all"}
                href={href(current, name, value)}
                aria-current={active ? "true" : undefined}
                className={`rounded-full px-2.5 py-0.5 text-xs ${active ? "bg-slate-900 text-white" : "bg-white text-ink-muted ring-1 ring-slate-200 hover:text-ink"}`}
              >
                {value?.replace("_", " ") ?? "all"}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
