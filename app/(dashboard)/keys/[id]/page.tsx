import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTimeline } from "@/components/keys/audit-timeline";
import {
  displayStatus,
  EnvironmentBadge,
  relativeTime,
  StatusBadge,
  TypeLabel,
} from "@/components/keys/badges";
import { KeyActions } from "@/components/keys/key-actions";
import { KeySettingsForm } from "@/components/keys/key-settings-form";
import { Card } from "@/components/ui/card";
import { UsageChart } from "@/components/usage/usage-chart";
import { AppError } from "@/lib/api/app-error";
import { requireContext } from "@/lib/auth/session";
import { getApiKey } from "@/lib/dal/api-keys/get-api-keys";
import { listAuditEvents } from "@/lib/dal/audit-log";
import { getTenant } from "@/lib/dal/tenants";
import { loadUsage } from "../../usage/load-usage";

export const metadata: Metadata = { title: "API key" };

async function keyOrNotFound(ctx: Awaited<ReturnType<typeof requireContext>>, id: string) {
  try {
    return await getApiKey(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function KeyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const key = await keyOrNotFound(ctx, id);
  const [tenant, audit, usage] = await Promise.all([
    getTenant(ctx),
    listAuditEvents(ctx, { targetId: key.id, limit: 20 }),
    loadUsage(ctx, "24h", key.id),
  ]);
  const readOnly = ctx.role === "viewer";
  const total = Object.values(usage.totals).reduce((sum, n) => sum + n, 0);
  return (
    <>
      <Link href="/keys" className="text-sm text-ink-muted hover:text-ink">
        ← All keys
      </Link>
      <header className="mt-3 mb-8 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-2">
            <EnvironmentBadge environment={key.environment} />
            <h1 className="text-2xl font-semibold tracking-tight text-ink">{key.name}</h1>
            <StatusBadge status={displayStatus(key)} />
          </div>
          <p className="mt-2 text-sm text-ink-muted">
            <TypeLabel type={key.type} /> ·{" "}
            <code className="font-mono text-xs">{key.prefix ?? key.fingerprint}</code> · id{" "}
            <code className="font-mono text-xs" data-testid="key-id">
              {key.id}
            </code>
          </p>
          <p className="mt-1 text-xs text-ink-faint">
            Created {new Date(key.createdAt).toLocaleString("en")} · last used {relativeTime(key.lastUsedAt)}
            {key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}
            {key.expiresAt ? ` · expires ${new Date(key.expiresAt).toLocaleString("en")}` : ""}
            {key.rotatedFromId ? (
              <>
                {" "}
                · rotated from{" "}
                <Link href={`/keys/${key.rotatedFromId}`} className="font-mono hover:underline">
                  {key.rotatedFromId}
                </Link>
              </>
            ) : null}
          </p>
          {key.revokedAt ? (
            <p className="mt-2 text-sm text-danger" data-testid="revoked-note">
              Revoked {new Date(key.revokedAt).toLocaleString("en")}
              {key.revokedReason ? ` — ${key.revokedReason}` : ""}
            </p>
          ) : null}
        </div>
        {readOnly ? null : <KeyActions apiKey={key} />}
      </header>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Usage, last 24 hours" description={`${total.toLocaleString()} verifications`}>
            {total === 0 ? (
              <p className="text-sm text-ink-muted">No verifications with this key in the last 24 hours.</p>
            ) : (
              <UsageChart series={usage.series} interval={usage.interval} height={220} />
            )}
          </Card>
          <Card title="Settings">
            <KeySettingsForm apiKey={key} scopeCatalog={tenant.scopeCatalog} readOnly={readOnly} />
          </Card>
        </div>
        <Card title="Audit trail">
          <AuditTimeline events={audit.data} />
        </Card>
      </div>
    </>
  );
}
