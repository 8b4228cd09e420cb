import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireContext } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { buildOpenApiDocument, OPERATIONS } from "@/lib/openapi/document";
import { OperationCard } from "./_components/operation-card";

export const metadata: Metadata = { title: "API reference" };

const TAGS = [
  "Verification",
  "Authentication",
  "Account",
  "Tenant",
  "Members",
  "API keys",
  "Identities",
  "Webhooks",
] as const;

export default async function ApiReferencePage() {
  await requireContext();
  const doc = buildOpenApiDocument(getEnv().appUrl);
  return (
    <>
      <PageHeader
        title="API reference"
        description="Every route, generated from the same schemas the server validates with."
        actions={
          <a
            href="/api/openapi.json"
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            openapi.json
          </a>
        }
      />
      <div className="space-y-10">
        {TAGS.map((tag) => (
          <section key={tag} aria-labelledby={`tag-${tag}`}>
            <h2 id={`tag-${tag}`} className="mb-4 text-lg font-semibold text-ink">
              {tag}
            </h2>
            <div className="space-y-3">
              {OPERATIONS.filter((op) => op.tag === tag).map((op) => (
                <OperationCard
                  key={`${op.method} ${op.path}`}
                  operation={op}
                  spec={doc.paths[op.path]?.[op.method]}
                />
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
