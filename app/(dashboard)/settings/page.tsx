import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { ScopeCatalogForm } from "@/components/settings/scope-catalog-form";
import { SigningSecrets } from "@/components/settings/signing-secrets";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";
import { listSigningSecrets } from "@/lib/dal/signing-secrets";
import { getTenant } from "@/lib/dal/tenants";
import { TenantSettingsForm } from "./_components/tenant-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireContext();
  const [tenant, secrets] = await Promise.all([getTenant(ctx), listSigningSecrets(ctx)]);
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
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card
          title="Scope catalog"
          description="The scopes your API understands; offered as checkboxes when creating keys."
        >
          <ScopeCatalogForm initial={tenant.scopeCatalog} readOnly={ctx.role === "viewer"} />
        </Card>
        <Card
          title="Signing secrets"
          description="For signed (akv1_) keys. The newest signs; every active one verifies. See docs/signed-keys.md to verify offline."
        >
          <SigningSecrets secrets={secrets} readOnly={ctx.role === "viewer"} />
        </Card>
      </div>
    </>
  );
}
