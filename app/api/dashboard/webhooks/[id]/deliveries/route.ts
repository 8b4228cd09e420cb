import { sessionRoute } from "@/lib/api/session-route";
import { listDeliveries } from "@/lib/dal/webhooks/deliveries";
import { listDeliveriesQuery } from "@/lib/schemas/webhooks";

/** An endpoint's delivery log for its page (polling, status filter, "Load more"). */
export const GET = sessionRoute({ query: listDeliveriesQuery }, ({ ctx, query, params }) =>
  listDeliveries(ctx, params.id ?? "", query),
);
