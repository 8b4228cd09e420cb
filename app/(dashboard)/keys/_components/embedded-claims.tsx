import { formatDateTime } from "@/components/keys/format";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";

/**
 * A signed key's scopes, expiry and metadata are inside the key and covered by its signature, so
 * services verifying offline read them from the key itself; editing the database copy would make the
 * two disagree (docs/decisions.md). Shown read-only, with the way to change them.
 */
export function EmbeddedClaims({ apiKey }: { apiKey: Pick<ApiKeyDto, "scopes" | "expiresAt" | "metadata"> }) {
  const hasMetadata = Object.keys(apiKey.metadata).length > 0;
  return (
    <section aria-labelledby="embedded-title" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 id="embedded-title" className="text-sm font-medium text-ink">
        Embedded in the key (read-only)
      </h3>
      <p className="mt-1 text-xs text-ink-muted">
        A signed key carries these values inside itself, signed, so they cannot change in place. To change
        them, create a new signed key with the new values, move your clients to it, then revoke this one (a
        rotation keeps the same values).
      </p>
      <dl className="mt-3 space-y-2 text-sm">
        <div className="flex gap-3">
          <dt className="w-20 shrink-0 text-ink-muted">Scopes</dt>
          <dd className="flex flex-wrap gap-1">
            {apiKey.scopes.length === 0 ? <span className="text-ink-faint">None</span> : null}
            {apiKey.scopes.map((scope) => (
              <span
                key={scope}
                className="rounded bg-white px-1.5 py-0.5 font-mono text-xs ring-1 ring-slate-200"
              >
                {scope}
              </span>
            ))}
          </dd>
        </div>
        <div className="flex gap-3">
          <dt className="w-20 shrink-0 text-ink-muted">Expires</dt>
          <dd>{apiKey.expiresAt ? formatDateTime(apiKey.expiresAt) : "Never"}</dd>
        </div>
        <div className="flex gap-3">
          <dt className="w-20 shrink-0 text-ink-muted">Metadata</dt>
          <dd className="min-w-0 flex-1">
            {hasMetadata ? (
              <pre className="overflow-x-auto rounded bg-white p-2 font-mono text-xs ring-1 ring-slate-200">
                {JSON.stringify(apiKey.metadata, null, 2)}
              </pre>
            ) : (
              <span className="text-ink-faint">None</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
