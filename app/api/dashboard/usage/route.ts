import { z } from "zod";
import { sessionRoute } from "@/lib/api/session-route";
import { loadUsageView, usageRangeSchema } from "@/lib/dal/usage-view";

const usageViewQuery = z.object({
  range: usageRangeSchema.default("24h"),
  keyId: z.string().max(64).optional(),
});

/** The usage page's and the key page's charts, polled by react-query. */
export const GET = sessionRoute({ query: usageViewQuery }, ({ ctx, query }) =>
  loadUsageView(ctx, query.range, query.keyId),
);
