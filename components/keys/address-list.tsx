import type { KeyAddressDto } from "@/lib/schemas/key-addresses";
import { formatDateTime, relativeTime } from "./format";

export function NewBadge() {
  return (
    <span className="rounded-full bg-warn-soft px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-200">
      New
    </span>
  );
}

/**
 * The addresses a key was used from (issue 14), most recently seen first; "New" marks one that
 * appeared in the last 24 h after 30 days or more unseen for this key.
 */
export function AddressList({ addresses, now }: { addresses: KeyAddressDto[]; now: number }) {
  if (addresses.length === 0)
    return <p className="text-sm text-ink-muted">No verification has named this key yet.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="key-addresses">
      {addresses.map((row) => (
        <li key={row.address} className="py-2.5 first:pt-0 last:pb-0" data-address={row.address}>
          <div className="flex flex-wrap items-center gap-2">
            <code className="break-all font-mono text-sm text-ink">{row.address}</code>
            {row.new ? <NewBadge /> : null}
          </div>
          <p className="mt-0.5 text-xs text-ink-muted">
            <span title={formatDateTime(row.lastSeenAt)}>last {relativeTime(row.lastSeenAt, now)}</span>
            {" · "}
            {row.count.toLocaleString("en")} {row.count === 1 ? "verification" : "verifications"}
            {" · "}
            <span title={formatDateTime(row.firstSeenAt)}>first {relativeTime(row.firstSeenAt, now)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
