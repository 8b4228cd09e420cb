"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, actionWithId } from "@/lib/actions/session-action";
import { setSecurityPolicy } from "@/lib/dal/security-policy";
import { createSigningSecret, retireSigningSecret } from "@/lib/dal/signing-secrets";
import { updateTenant } from "@/lib/dal/tenants";
import { scopeListSchema } from "@/lib/keys/scopes";
import { updateSecurityPolicyInput } from "@/lib/schemas/account";
import { updateTenantInput } from "@/lib/schemas/tenant";

// Settings' writes. The action helper re-checks the session and refuses viewers on every call; the
// DAL checks the role again.

export const updateTenantSettingsAction = action(
  { access: "write", input: updateTenantInput },
  async (input, ctx) => {
    await updateTenant(ctx, input);
    // The tenant's name is in the dashboard's sidebar, on every page.
    revalidatePath("/", "layout");
    return null;
  },
);

/** Replaces the tenant's scope catalog (what the create-key dialog offers as checkboxes). */
export const updateScopeCatalogAction = action(
  { access: "write", input: z.object({ scopeCatalog: scopeListSchema }).strict() },
  async (input, ctx) => {
    const tenant = await updateTenant(ctx, { scopeCatalog: input.scopeCatalog });
    revalidatePath("/settings");
    revalidatePath("/keys");
    return tenant.scopeCatalog;
  },
);

/** The new secret is returned here once, to be shown once; Keydesk keeps it sealed. */
export const addSigningSecretAction = action({ access: "write", input: z.undefined() }, async (_, ctx) => {
  const { secret } = await createSigningSecret(ctx);
  revalidatePath("/settings");
  return secret;
});

export const retireSigningSecretAction = actionWithId(
  { access: "write", input: z.undefined(), notFound: "No active signing secret with this id." },
  async (id, _, ctx) => {
    await retireSigningSecret(ctx, id);
    revalidatePath("/settings");
    return null;
  },
);

/** "Require 2FA for every member": owners only (the DAL refuses anyone else). */
export const updateSecurityPolicyAction = action(
  { access: "write", input: updateSecurityPolicyInput },
  async (input, ctx) => {
    const policy = await setSecurityPolicy(ctx, input.requireMfa);
    revalidatePath("/settings");
    return policy;
  },
);
