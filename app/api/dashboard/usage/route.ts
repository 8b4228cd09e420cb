import { sessionRoute } from "@/lib/api/session-route";
import { loadUsageView } from "@/lib/dal/usage-view";
import { usageViewQuery } from "@/lib/schemas/usage";

/** The usage page's and the key page's charts, polled by react-query. */
export const GET = sessionRoute({ query: usageViewQuery }, ({ ctx, query }) =>
  loadUsageView(ctx, query.range, query.keyId),
);
