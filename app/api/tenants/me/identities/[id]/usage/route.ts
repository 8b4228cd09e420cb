import { managementRoute } from "@/lib/api/route";
import { getIdentityUsage } from "@/lib/dal/identities/identity-usage";
import { identityUsageQuery } from "@/lib/schemas/identities";

/** `GET /api/tenants/me/identities/{id}/usage?from&to&interval`: summed over the identity's keys. */
export const GET = managementRoute({ query: identityUsageQuery }, ({ ctx, params, query }) =>
  getIdentityUsage(ctx, params.id ?? "", query),
);
