import { usageCsvAnswer } from "@/lib/api/exports";
import { sessionRoute } from "@/lib/api/session-route";
import { getApiKey } from "@/lib/dal/api-keys/get-api-keys";
import { loadUsageView, rangeQuery } from "@/lib/dal/usage-view";
import { usageViewQuery } from "@/lib/schemas/usage";

/** The usage page's and the key page's charts, polled by react-query; `format=csv`: "Export CSV". */
export const GET = sessionRoute({ query: usageViewQuery }, async ({ ctx, query }) => {
  if (query.format !== "csv") return loadUsageView(ctx, query.range, query.keyId);
  // Another tenant's key is NOT_FOUND here too, not an empty file.
  if (query.keyId) await getApiKey(ctx, query.keyId);
  return usageCsvAnswer(ctx, rangeQuery(query.range, query.keyId));
});
