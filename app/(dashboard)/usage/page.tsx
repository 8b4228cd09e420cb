import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireContext } from "@/lib/auth/session";
import { loadUsageView } from "@/lib/dal/usage-view";
import { UsageDashboard } from "./_components/usage-dashboard";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  const ctx = await requireContext();
  const initial = await loadUsageView(ctx, "24h");
  return (
    <>
      <PageHeader title="Usage" description="Verifications over time, by outcome, across all your keys." />
      <UsageDashboard initial={initial} />
    </>
  );
}
