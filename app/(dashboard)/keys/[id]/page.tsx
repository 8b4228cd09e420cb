import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LimitsTable } from "@/components/identities/limits-table";
import { AddressList } from "@/components/keys/address-list";
import { Card } from "@/components/ui/card";
import { UsageChart } from "@/components/usage/usage-chart";
import { requireContext } from "@/lib/auth/session";
import { getApiKey } from "@/lib/dal/api-keys/get-api-keys";
import { listAuditEvents } from "@/lib/dal/audit-log";
import type { TenantContext } from "@/lib/dal/context";
import { getTenant } from "@/lib/dal/tenants";
import { loadUsageView } from "@/lib/dal/usage-view";
import { listKeyAddresses } from "@/lib/dal/verification-log/key-addresses";
import { listVerificationLog } from "@/lib/dal/verification-log/list-log";
import { AppError } from "@/lib/errors/app-error";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import type { AuditEventDto } from "@/lib/schemas/audit-log";
import { LOGGED_OUTCOMES } from "@/lib/schemas/verification-log";
import { AuditTimeline } from "../_components/audit-timeline";
import { CreditsCard } from "../_components/credits-card";
import { KeyActions } from "../_components/key-actions";
import { KeyHeader } from "../_components/key-header";
import { KeyIdentity } from "../_components/key-identity";
import { KeySettingsForm } from "../_components/key-settings-form";
import { VerificationLog } from "../_components/verification-log";

export const metadata: Metadata = { title: "API key" };

/** Unknown and foreign ids are the same 404 (the DAL filters by tenant), so ids cannot be probed. */
async function keyOrNotFound(ctx: TenantContext, id: string): Promise<ApiKeyDto> {
  try {
    return await getApiKey(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * This key's events, plus — for a key made by rotation — the rotation itself, which is recorded on
 * the key it replaced.
 */
async function keyEvents(ctx: TenantContext, key: ApiKeyDto): Promise<AuditEventDto[]> {
  const [own, parent] = await Promise.all([
    listAuditEvents(ctx, { targetId: key.id, limit: 30 }),
    key.rotatedFromId ? listAuditEvents(ctx, { targetId: key.rotatedFromId, limit: 30 }) : null,
  ]);
  const birth =
    parent?.data.filter((e) => e.action === "api_key.rotated" && e.details.newKeyId === key.id) ?? [];
  return [...own.data, ...birth];
}

function lockedReason(ctx: TenantContext, key: ApiKeyDto): string | null {
  if (ctx.role === "viewer")
    return "You have read-only access (viewer). An owner or admin can change, rotate or revoke this key.";
  if (key.status === "revoked") return "This key is revoked; its settings can no longer change.";
  return null;
}

export default async function KeyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const key = await keyOrNotFound(ctx, id);
  const now = Date.now();
  const [tenant, events, usage, log, addresses] = await Promise.all([
    getTenant(ctx),
    keyEvents(ctx, key),
    loadUsageView(ctx, "24h", key.id),
    listVerificationLog(ctx, key.id, { limit: 20, format: "json" }),
    listKeyAddresses(ctx, key.id, now),
  ]);
  const total = Object.values(usage.totals).reduce((sum, n) => sum + n, 0);
  const actions =
    ctx.role === "viewer" ? (
      <p className="max-w-56 text-right text-xs text-ink-muted">
        Read-only access: viewers cannot rotate or revoke keys.
      </p>
    ) : (
      <KeyActions apiKey={{ id: key.id, name: key.name, type: key.type, status: key.status }} />
    );
  return (
    <>
      <KeyHeader apiKey={key} now={now} actions={actions} />
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="Usage, last 24 hours" description={`${total.toLocaleString("en")} verifications`}>
            {total === 0 ? (
              <p className="text-sm text-ink-muted">No verifications with this key in the last 24 hours.</p>
            ) : (
              <UsageChart series={usage.series} interval={usage.interval} height={220} />
            )}
          </Card>
          <Card
            title="Recent verifications"
            description="Each call that named this key, newest first: outcome, client address, route."
          >
            <VerificationLog keyId={key.id} initial={log} outcomes={LOGGED_OUTCOMES} />
          </Card>
          <Card
            title="Credits"
            description="The balance verifications spend; refills reset it at 00:00 UTC. Every change is audited."
          >
            <CreditsCard apiKey={key} lockedReason={lockedReason(ctx, key)} />
          </Card>
          <Card title="Settings" description="Changes reach every instance within a second.">
            <KeySettingsForm
              apiKey={key}
              scopeCatalog={tenant.scopeCatalog}
              lockedReason={lockedReason(ctx, key)}
            />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card
            title="Addresses"
            description="Where this key was used from. New: appeared in the last 24 h, unseen in the 30 days before (the first address a key is used from is its baseline)."
          >
            <AddressList addresses={addresses} now={now} />
          </Card>
          <Card title="Customer" description="The identity whose rate limits this key shares.">
            <KeyIdentity apiKey={key} lockedReason={lockedReason(ctx, key)} />
          </Card>
          <Card title="Rate limits" description="This key's own named limits (set through the REST API).">
            <LimitsTable limits={key.ratelimits} empty="No named limits of its own." />
          </Card>
          <Card title="Audit trail" description="Every change to this key: who, from where, when.">
            <AuditTimeline events={events} keyId={key.id} currentUserId={ctx.userId} now={now} />
          </Card>
        </div>
      </div>
    </>
  );
}
