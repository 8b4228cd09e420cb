import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { AttentionPanel } from "@/components/keys/attention-panel";
import { toKeyRow } from "@/components/keys/key-row";
import { EmptyState } from "@/components/ui/empty-state";
import { requireContext } from "@/lib/auth/session";
import { getKeysNeedingAttention } from "@/lib/dal/api-keys/attention";
import { listApiKeys } from "@/lib/dal/api-keys/get-api-keys";
import { getTenant } from "@/lib/dal/tenants";
import { listKeysQuery } from "@/lib/schemas/api-keys";
import { CreateKeyButton } from "./_components/create-key-button";
import { type Filters, KeyFilters } from "./_components/key-filters";
import { KeyIcon } from "./_components/key-icon";
import { KeysList } from "./_components/keys-list";

export const metadata: Metadata = { title: "API keys" };

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function KeysPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireContext();
  const raw = await searchParams;
  // An unknown filter value (a hand-edited URL) is dropped rather than answered with an error page.
  const filters: Filters = {};
  for (const name of ["status", "environment", "type"] as const) {
    const parsed = listKeysQuery.shape[name].safeParse(one(raw[name]));
    if (parsed.success && parsed.data) filters[name] = parsed.data;
  }
  const now = Date.now();
  const [{ data, nextCursor }, tenant, attention] = await Promise.all([
    listApiKeys(ctx, listKeysQuery.parse({ ...filters, limit: PAGE_SIZE })),
    getTenant(ctx),
    getKeysNeedingAttention(ctx, { now }),
  ]);
  const filtered = Boolean(filters.status || filters.environment || filters.type);
  const create = <CreateKeyButton scopeCatalog={tenant.scopeCatalog} readOnly={ctx.role === "viewer"} />;
  const header = (
    <PageHeader
      title="API keys"
      description="Credentials your customers use to call your API. Secrets are shown once, at creation."
      actions={create}
    />
  );

  if (data.length === 0 && !filtered) {
    return (
      <>
        {header}
        <EmptyState
          icon={<KeyIcon />}
          title="No API keys yet"
          action={
            ctx.role === "viewer" ? undefined : (
              <Link
                href="/onboarding"
                className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                Start the walkthrough
              </Link>
            )
          }
        >
          {ctx.role === "viewer"
            ? "Keys an owner or admin creates appear here, with their usage."
            : "Create a secret key, upload a public key or issue a signed key, then send your first verified request. The onboarding walkthrough takes you there in four steps — or use “Create API key” above."}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      {header}
      <AttentionPanel attention={attention} now={now} />
      <KeyFilters current={filters} />
      {data.length === 0 ? (
        <div className="rounded-card border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-ink-muted">
          <p className="font-medium text-ink">No keys match these filters.</p>
          <Link href="/keys" className="mt-2 inline-block text-brand-700 hover:underline">
            Clear filters
          </Link>
        </div>
      ) : (
        <KeysList
          // A new filter is a new list: drop the pages loaded under the old one.
          key={JSON.stringify(filters)}
          initial={data.map(toKeyRow)}
          nextCursor={nextCursor}
          filters={filters}
          pageSize={PAGE_SIZE}
          now={now}
        />
      )}
    </>
  );
}
