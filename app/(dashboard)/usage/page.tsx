import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  await requireContext();
  return (
    <>
      <PageHeader title="Usage" description="Verifications over time, by outcome." />
      <EmptyState icon={<span aria-hidden="true">📈</span>} title="No verifications yet">
        When your API starts verifying keys, requests appear here by outcome: valid, invalid, expired, rate
        limited.
      </EmptyState>
    </>
  );
}
