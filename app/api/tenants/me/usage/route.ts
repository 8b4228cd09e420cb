import { usageCsvAnswer } from "@/lib/api/exports";
import { managementRoute } from "@/lib/api/route";
import { getUsage } from "@/lib/dal/usage";
import { usageQuery } from "@/lib/schemas/usage";

/** `GET /api/tenants/me/usage?from&to&interval=minute|hour|day&keyId&format=json|csv` (SPEC §4, issue 14). */
export const GET = managementRoute({ query: usageQuery }, ({ ctx, query }) =>
  query.format === "csv" ? usageCsvAnswer(ctx, query) : getUsage(ctx, query),
);
