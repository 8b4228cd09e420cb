import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { LimitsTable } from "@/components/identities/limits-table";
import { Card } from "@/components/ui/card";
import { UsageChart } from "@/components/usage/usage-chart";
import { requireContext } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/dal/api-keys/get-api-keys";
import type { TenantContext } from "@/lib/dal/context";
import { getIdentityUsage } from "@/lib/dal/identities/identity-usage";
import { getIdentity } from "@/lib/dal/identities/list-identities";
import { AppError } from "@/lib/errors/app-error";
import type { IdentityDto } from "@/lib/schemas/identities";
import { DeleteIdentityButton, IdentitySettingsForm } from "../_components/identity-settings-form";

export const metadata: Metadata = { title: "Identity" };

const DAY_MS = 86_400_000;

/** Unknown and foreign ids are the same 404 (the DAL filters by tenant), so ids cannot be probed. */
async function identityOrNotFound(ctx: TenantContext, id: string): Promise<IdentityDto> {
  try {
    return await getIdentity(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function IdentityPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const identity = await identityOrNotFound(ctx, id);
  const now = Date.now();
  const [keys, usage] = await Promise.all([
    listApiKeys(ctx, { identityId: identity.id, limit: 100 }),
    getIdentityUsage(ctx, identity.id, { from: new Date(now - DAY_MS).toISOString(), interval: "hour" }, now),
  ]);
  const total = Object.values(usage.totals).reduce((sum, n) => sum + n, 0);
  const readOnly = ctx.role === "viewer";
  return (
    <>
      <Link href="/identities" className="text-sm text-brand-700 hover:underline">
        ← All identities
      </Link>
      <PageHeader
        title={identity.externalId}
        description={`Identity ${identity.id} · ${identity.keyCount} key${identity.keyCount === 1 ? "" : "s"}`}
        actions={readOnly ? undefined : <DeleteIdentityButton id={identity.id} />}
      />
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card
            title="Usage, last 24 hours"
            description={`${total.toLocaleString("en")} verifications, all keys`}
          >
            {total === 0 ? (
              <p className="text-sm text-ink-muted">
                No verifications with this customer's keys in the last 24 hours.
              </p>
            ) : (
              <UsageChart series={usage.series} interval={usage.interval} height={220} />
            )}
          </Card>
          <Card
            title="Keys"
            description="Keys linked to this customer (link more from a key's page or when creating one)."
          >
            {keys.data.length === 0 ? (
              <p className="text-sm text-ink-muted">No keys are linked to this identity yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Linked keys">
                {keys.data.map((key) => (
                  <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link
                      href={`/keys/${key.id}`}
                      className="min-w-0 truncate font-medium text-brand-700 hover:underline"
                    >
                      {key.name}
                    </Link>
                    <span className="font-mono text-xs text-ink-muted">
                      {key.prefix ?? key.fingerprint?.slice(0, 16) ?? key.id} · {key.status}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Rate limits" description="Shared by all of this customer's keys.">
            <LimitsTable
              limits={identity.ratelimits}
              empty="No rate limits: only the keys' own limits apply."
            />
          </Card>
          <Card title={readOnly ? "Metadata" : "Settings"}>
            {readOnly ? (
              <pre className="overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs">
                {JSON.stringify(identity.metadata, null, 2)}
              </pre>
            ) : (
              <IdentitySettingsForm identity={identity} />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
