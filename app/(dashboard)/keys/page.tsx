import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { CreateKeyButton } from "@/components/keys/create-key-button";
import { KeyFilters } from "@/components/keys/key-filters";
import { KeysTable } from "@/components/keys/keys-table";
import { LeakBanner } from "@/components/keys/leak-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { requireContext } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/dal/api-keys/get-api-keys";
import { listRecentlyLeakedKeys } from "@/lib/dal/api-keys/leaked-keys";
import { listKeysQuery } from "@/lib/dal/api-keys/schemas";
import { getTenant } from "@/lib/dal/tenants";

export const metadata: Metadata = { title: "API keys" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function KeysPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireContext();
  const raw = await searchParams;
  const parsed = listKeysQuery.safeParse({
    status: raw.status,
    environment: raw.environment,
    type: raw.type,
    cursor: raw.cursor,
    limit: 25,
  });
  const query = parsed.success ? parsed.data : listKeysQuery.parse({ limit: 25 });
  const [{ data, nextCursor }, tenant, leaked] = await Promise.all([
    listApiKeys(ctx, query),
    getTenant(ctx),
    listRecentlyLeakedKeys(ctx),
  ]);
  const filtered = Boolean(query.status || query.environment || query.type || query.cursor);
  const readOnly = ctx.role === "viewer";
  const create = <CreateKeyButton scopeCatalog={tenant.scopeCatalog} readOnly={readOnly} />;

  if (data.length === 0 && !filtered) {
    return (
      <>
        <PageHeader
          title="API keys"
          description="Credentials your customers use to call your API."
          actions={create}
        />
        <EmptyState
          icon={<span aria-hidden="true">🔑</span>}
          title="No API keys yet"
          action={
            <Link
              href="/onboarding"
              className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Start the walkthrough
            </Link>
          }
        >
          Create a secret key, upload a public key or issue a signed key, then send your first verified
          request. The onboarding walkthrough takes you there in four steps.
        </EmptyState>
      </>
    );
  }

  const current = { status: query.status, environment: query.environment, type: query.type };
  const more = new URLSearchParams(
    Object.entries({ ...current, cursor: nextCursor ?? undefined }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  return (
    <>
      <PageHeader
        title="API keys"
        description="Credentials your customers use to call your API."
        actions={create}
      />
      <LeakBanner keys={leaked} />
      <KeyFilters current={current} />
      {data.length === 0 ? (
        <p className="rounded-card border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-ink-muted">
          No keys match these filters.{" "}
          <Link href="/keys" className="text-brand-700 hover:underline">
            Clear filters
          </Link>
        </p>
      ) : (
        <KeysTable keys={data} />
      )}
      {nextCursor ? (
        <div className="mt-4 text-center">
          <Link
            href={`/keys?${more.toString()}`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Load more
          </Link>
        </div>
      ) : null}
    </>
  );
}
