import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { UsageDashboard } from "@/components/usage/usage-dashboard";
import { requireContext } from "@/lib/auth/session";
import { loadUsage } from "./load-usage";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  const ctx = await requireContext();
  const initial = await loadUsage(ctx, "24h");
  return (
    <>
      <PageHeader title="Usage" description="Verifications over time, by outcome, across all your keys." />
      <UsageDashboard initial={initial} />
    </>
  );
}
