import type { IdentityDto } from "@/lib/schemas/identities";

function duration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

/** A key's or an identity's named limits, as a small table that scrolls in its own box. */
export function LimitsTable({ limits, empty }: { limits: IdentityDto["ratelimits"]; empty: string }) {
  if (limits.length === 0) return <p className="text-sm text-ink-muted">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-ink-muted uppercase">
          <tr>
            {["Name", "Limit", "Applies"].map((heading) => (
              <th key={heading} scope="col" className="py-2 pr-4 font-medium whitespace-nowrap">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {limits.map((limit) => (
            <tr key={limit.name}>
              <td className="py-2 pr-4 font-mono text-xs">{limit.name}</td>
              <td className="py-2 pr-4 whitespace-nowrap">
                {limit.limit.toLocaleString("en")} per {duration(limit.durationMs)}
              </td>
              <td className="py-2 pr-4 text-ink-muted">{limit.autoApply ? "Always" : "When named"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
