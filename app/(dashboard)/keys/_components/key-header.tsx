import Link from "next/link";
import type { ReactNode } from "react";
import { formatCredits, nextRefillLabel, refillLabel } from "@/components/keys/credits";
import { formatDate, formatDateTime, relativeTime } from "@/components/keys/format";
import { CopyButton } from "@/components/ui/copy-button";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { displayStatus, EnvironmentBadge, keyHandle, StatusBadge, TYPE_LABEL } from "./badges";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-ink-faint uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-ink">{children}</dd>
    </div>
  );
}

export function KeyHeader({ apiKey, now, actions }: { apiKey: ApiKeyDto; now: number; actions: ReactNode }) {
  const status = displayStatus(apiKey, now);
  return (
    <header className="mb-8">
      <Link href="/keys" className="text-sm text-ink-muted hover:text-ink">
        ← All keys
      </Link>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2.5">
            <EnvironmentBadge environment={apiKey.environment} />
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere] text-ink">
              {apiKey.name}
            </h1>
            <StatusBadge status={status} />
          </div>
          {apiKey.description ? <p className="mt-1 text-sm text-ink-muted">{apiKey.description}</p> : null}
        </div>
        {actions}
      </div>
      {apiKey.revokedAt ? (
        <p
          data-testid="revoked-note"
          className="mt-4 rounded-lg border border-red-200 bg-danger-soft px-4 py-2.5 text-sm text-red-900"
        >
          Revoked {formatDateTime(apiKey.revokedAt)} ({relativeTime(apiKey.revokedAt, now)})
          {apiKey.revokedReason ? (
            <>
              {" "}
              — reason: <strong className="font-medium">{apiKey.revokedReason}</strong>
            </>
          ) : null}
          . Requests with this key are refused.
        </p>
      ) : null}
      {status === "expiring" && apiKey.expiresAt ? (
        <p className="mt-4 rounded-lg border border-amber-200 bg-warn-soft px-4 py-2.5 text-sm text-amber-900">
          This key stops working {relativeTime(apiKey.expiresAt, now)}, at {formatDateTime(apiKey.expiresAt)}.
        </p>
      ) : null}
      <dl className="mt-5 flex flex-wrap gap-x-8 gap-y-4 rounded-card border border-slate-200 bg-white px-6 py-4 shadow-card">
        <Item label="Key id">
          <span className="flex items-center gap-2">
            <code className="font-mono text-xs" data-testid="key-id">
              {apiKey.id}
            </code>
            <CopyButton value={apiKey.id} label="Copy id" size="sm" />
          </span>
        </Item>
        <Item label="Type">{TYPE_LABEL[apiKey.type]}</Item>
        <Item label={apiKey.fingerprint ? "JWK thumbprint" : "Key"}>
          <code className="font-mono text-xs break-all text-ink-muted">{keyHandle(apiKey, true)}</code>
        </Item>
        <Item label="Last used">
          {apiKey.lastUsedAt ? (
            <span title={formatDateTime(apiKey.lastUsedAt)}>
              {relativeTime(apiKey.lastUsedAt, now)}
              {apiKey.lastUsedIp ? (
                <span className="font-mono text-xs text-ink-muted"> from {apiKey.lastUsedIp}</span>
              ) : null}
            </span>
          ) : (
            <span className="text-ink-muted">Never</span>
          )}
        </Item>
        <Item label="Created">
          <span title={formatDateTime(apiKey.createdAt)}>{formatDate(apiKey.createdAt)}</span>
        </Item>
        <Item label="Credits">
          <Credits credits={apiKey.credits} />
        </Item>
        <Item label="Expires">
          {apiKey.expiresAt ? (
            <span title={formatDateTime(apiKey.expiresAt)}>{formatDate(apiKey.expiresAt)}</span>
          ) : (
            <span className="text-ink-muted">Never</span>
          )}
        </Item>
      </dl>
      {apiKey.rotatedFromId ? (
        <p className="mt-2 text-xs text-ink-muted">
          Rotated from{" "}
          <Link href={`/keys/${apiKey.rotatedFromId}`} className="font-mono text-brand-700 hover:underline">
            {apiKey.rotatedFromId}
          </Link>
        </p>
      ) : null}
    </header>
  );
}

function Credits({ credits }: { credits: ApiKeyDto["credits"] }) {
  if (!credits) return <span className="text-ink-muted">Unlimited</span>;
  const refill = refillLabel(credits.refill);
  const next = nextRefillLabel(credits);
  return (
    <span data-testid="key-credits">
      <strong className={`font-semibold tabular-nums ${credits.remaining === 0 ? "text-danger" : ""}`}>
        {formatCredits(credits.remaining)}
      </strong>{" "}
      left
      {refill ? <span className="block text-xs text-ink-muted">Refill: {refill}</span> : null}
      {next && credits.nextRefillAt ? (
        <span className="block text-xs text-ink-muted" title={formatDateTime(credits.nextRefillAt)}>
          {next}
        </span>
      ) : null}
    </span>
  );
}
