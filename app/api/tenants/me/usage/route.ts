import { managementRoute } from "@/lib/api/route";
import { getUsage, usageQuery } from "@/lib/dal/usage";

/** `GET /api/tenants/me/usage?from&to&interval=minute|hour|day&keyId` (SPEC §4). */
export const GET = managementRoute({ query: usageQuery }, ({ ctx, query }) => getUsage(ctx, query));
