import { managementRoute } from "@/lib/api/route";
import { retryDelivery } from "@/lib/dal/webhooks/deliveries";

/** Makes the delivery due now, whatever its status (a succeeded one is sent again). */
export const POST = managementRoute({}, ({ ctx, params }) => retryDelivery(ctx, params.deliveryId ?? ""));
