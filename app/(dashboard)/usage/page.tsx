import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { AttentionPanel } from "@/components/keys/attention-panel";
import { NewAddresses } from "@/components/usage/new-addresses";
import { requireContext } from "@/lib/auth/session";
import { getKeysNeedingAttention } from "@/lib/dal/api-keys/attention";
import { loadUsageView } from "@/lib/dal/usage-view";
import { listNewAddresses } from "@/lib/dal/verification-log/key-addresses";
import { UsageDashboard } from "./_components/usage-dashboard";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  const ctx = await requireContext();
  const now = Date.now();
  const [initial, attention, newAddresses] = await Promise.all([
    loadUsageView(ctx, "24h", undefined, now),
    getKeysNeedingAttention(ctx, { now }),
    listNewAddresses(ctx, now),
  ]);
  return (
    <>
      <PageHeader title="Usage" description="Verifications over time, by outcome, across all your keys." />
      <AttentionPanel attention={attention} now={now} />
      <NewAddresses data={newAddresses.data} count={newAddresses.count} now={now} />
      <UsageDashboard initial={initial} />
    </>
  );
}
