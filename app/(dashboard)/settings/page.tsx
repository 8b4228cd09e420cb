import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";
import { getTenant } from "@/lib/dal/tenants";
import { TenantSettingsForm } from "./_components/tenant-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireContext();
  const tenant = await getTenant(ctx);
  return (
    <>
      <PageHeader title="Settings" description="Your workspace, its limits and its members." />
      <Card
        title="Workspace"
        description={
          <>
            Tenant id <code className="font-mono text-xs">{tenant.id}</code>
          </>
        }
      >
        <TenantSettingsForm
          name={tenant.name}
          rateLimitPerMinute={tenant.rateLimitPerMinute}
          maxTokenLifetimeSeconds={tenant.maxTokenLifetimeSeconds}
          readOnly={ctx.role === "viewer"}
        />
      </Card>
    </>
  );
}
