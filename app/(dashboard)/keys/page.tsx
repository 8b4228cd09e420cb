import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage() {
  await requireContext();
  return (
    <>
      <PageHeader title="API keys" description="Credentials your customers use to call your API." />
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
        Create a secret key, upload a public key or issue a signed key, then send your first verified request.
        The onboarding walkthrough takes you there in four steps.
      </EmptyState>
    </>
  );
}
