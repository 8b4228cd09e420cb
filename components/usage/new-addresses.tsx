import Link from "next/link";
import { NewBadge } from "@/components/keys/address-list";
import { formatDateTime, relativeTime } from "@/components/keys/format";
import type { NewAddressDto } from "@/lib/schemas/key-addresses";

/** "New addresses in the last 24 h" across the tenant's keys (issue 14), each linking to its key. */
export function NewAddresses({ data, count, now }: { data: NewAddressDto[]; count: number; now: number }) {
  return (
    <section
      className="mb-6 rounded-card border border-slate-200 bg-white shadow-card"
      data-testid="new-addresses"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-6">
        <h2 className="text-base font-semibold text-ink">New addresses, last 24 hours</h2>
        <p className="text-sm text-ink-muted">{count > 100 ? "100+" : count}</p>
      </header>
      <div className="px-4 py-3 sm:px-6">
        {data.length === 0 ? (
          <p className="text-sm text-ink-muted">
            No key was used from an address it had not seen in the last 30 days.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.map((row) => (
              <li
                key={`${row.keyId}|${row.address}`}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm"
              >
                <NewBadge />
                <code className="break-all font-mono text-ink">{row.address}</code>
                <span className="text-ink-muted">
                  on{" "}
                  <Link href={`/keys/${row.keyId}`} className="font-medium text-brand-700 hover:underline">
                    {row.keyName}
                  </Link>
                  , <span title={formatDateTime(row.newSince)}>{relativeTime(row.newSince, now)}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        {count > data.length ? (
          <p className="mt-2 text-sm text-ink-muted">
            {count > 100 ? "More" : `${count - data.length} more`} on their keys' pages.
          </p>
        ) : null}
      </div>
    </section>
  );
}
