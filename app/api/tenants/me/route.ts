import { managementRoute } from "@/lib/api/route";
import { getTenant, updateTenant } from "@/lib/dal/tenants";
import { updateTenantInput } from "@/lib/schemas/tenant";

export const GET = managementRoute({}, async ({ ctx }) => ({ ...(await getTenant(ctx)), role: ctx.role }));

export const PATCH = managementRoute({ body: updateTenantInput }, async ({ ctx, body }) => ({
  ...(await updateTenant(ctx, body)),
  role: ctx.role,
}));
