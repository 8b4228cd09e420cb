import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireContext } from "@/lib/auth/session";
import { listIdentities } from "@/lib/dal/identities/list-identities";
import { CreateIdentityForm } from "./_components/create-identity-form";
import { IdentityIcon } from "./_components/identity-icon";

export const metadata: Metadata = { title: "Identities" };

const PAGE_SIZE = 100;

export default async function IdentitiesPage() {
  const ctx = await requireContext();
  const { data, nextCursor } = await listIdentities(ctx, { limit: PAGE_SIZE });
  const readOnly = ctx.role === "viewer";
  return (
    <>
      <PageHeader
        title="Identities"
        description="Your customers: their keys share the identity's rate limits and carry its metadata."
      />
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="min-w-0 xl:col-span-2">
          {data.length === 0 ? (
            <EmptyState icon={<IdentityIcon />} title="No identities yet">
              {readOnly
                ? "Identities an owner or admin creates appear here, with their keys and usage."
                : "Create one for each customer, or link a key to a customer's external id when you create the key: the identity is made for you."}
            </EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-card border border-slate-200 bg-white shadow-card">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-slate-200 bg-slate-50 text-xs text-ink-muted uppercase">
                  <tr>
                    {["External id", "Keys", "Rate limits", "Created"].map((heading) => (
                      <th key={heading} scope="col" className="px-4 py-3 font-medium whitespace-nowrap">
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.map((identity) => (
                    <tr key={identity.id}>
                      <td className="max-w-64 px-4 py-3">
                        <Link
                          href={`/identities/${identity.id}`}
                          className="block truncate font-medium text-brand-700 hover:underline"
                        >
                          {identity.externalId}
                        </Link>
                        <span className="font-mono text-[11px] text-ink-faint">{identity.id}</span>
                      </td>
                      <td className="px-4 py-3">{identity.keyCount}</td>
                      <td className="px-4 py-3 text-ink-muted">
                        {identity.ratelimits.length === 0
                          ? "None"
                          : identity.ratelimits.map((limit) => limit.name).join(", ")}
                      </td>
                      <td className="px-4 py-3 whitespace-nowrap text-ink-muted">
                        {new Date(identity.createdAt).toLocaleDateString("en")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {nextCursor ? (
                <p className="border-t border-slate-100 px-4 py-3 text-xs text-ink-muted">
                  Showing the newest {PAGE_SIZE}. Use the REST API (GET /api/tenants/me/identities) to page
                  through all of them.
                </p>
              ) : null}
            </div>
          )}
        </div>
        {readOnly ? (
          <Card title="Read-only access">
            <p className="text-sm text-ink-muted">Viewers cannot create or change identities.</p>
          </Card>
        ) : (
          <Card title="New identity" description="One per customer of yours.">
            <CreateIdentityForm />
          </Card>
        )}
      </div>
    </>
  );
}
