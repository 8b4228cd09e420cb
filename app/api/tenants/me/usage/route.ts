import { managementRoute } from "@/lib/api/route";
import { getUsage } from "@/lib/dal/usage";
import { usageQuery } from "@/lib/schemas/usage";

/** `GET /api/tenants/me/usage?from&to&interval=minute|hour|day&keyId` (SPEC §4). */
export const GET = managementRoute({ query: usageQuery }, ({ ctx, query }) => getUsage(ctx, query));
