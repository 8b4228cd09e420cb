import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";
import { getMfaStatus } from "@/lib/dal/mfa";
import { getSecurityPolicy } from "@/lib/dal/security-policy";
import { listSigningSecrets } from "@/lib/dal/signing-secrets";
import { getTenant } from "@/lib/dal/tenants";
import { getEnv } from "@/lib/env";
import { ScopeCatalogForm } from "./_components/scope-catalog-form";
import { SecurityPolicyForm } from "./_components/security-policy-form";
import { SettingsHeader } from "./_components/settings-header";
import { SigningSecrets } from "./_components/signing-secrets";
import { TenantSettingsForm } from "./_components/tenant-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireContext();
  const [tenant, secrets, policy, mfa] = await Promise.all([
    getTenant(ctx),
    listSigningSecrets(ctx),
    getSecurityPolicy(ctx),
    getMfaStatus(ctx.userId),
  ]);
  const readOnly = ctx.role === "viewer";
  return (
    <>
      <SettingsHeader />
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
          ceiling={getEnv().tenantRateLimitMax}
          readOnly={readOnly}
        />
      </Card>
      <div className="mt-6 grid items-start gap-6 lg:grid-cols-2">
        <Card
          title="Scope catalog"
          description="The scopes your API checks, offered as checkboxes when creating a key. Keys may also carry scopes typed in by hand."
        >
          <ScopeCatalogForm initial={tenant.scopeCatalog} readOnly={readOnly} />
        </Card>
        <Card
          title="Signing secrets"
          description={
            <>
              Signed (<code className="font-mono text-xs">akv1_</code>) keys are HMACs made with these. The
              newest active secret signs new keys; every active secret verifies. To verify keys offline in
              your own services, see the guide in{" "}
              <code className="font-mono text-xs">docs/signed-keys.md</code>.
            </>
          }
        >
          <SigningSecrets secrets={secrets} readOnly={readOnly} />
        </Card>
      </div>
      <div className="mt-6">
        <Card
          title="Sign-in policy"
          description="Require every member to use two-factor authentication. Members without it are sent to set it up before they can do anything else."
        >
          <SecurityPolicyForm policy={policy} isOwner={ctx.role === "owner"} ownerHasMfa={mfa.enabled} />
        </Card>
      </div>
    </>
  );
}
