import { managementRoute } from "@/lib/api/route";
import { listDeliveries } from "@/lib/dal/webhooks/deliveries";
import { listDeliveriesQuery } from "@/lib/schemas/webhooks";

export const GET = managementRoute({ query: listDeliveriesQuery }, ({ ctx, params, query }) =>
  listDeliveries(ctx, params.id ?? "", query),
);
