import { managementRoute } from "@/lib/api/route";
import { getEndpoint } from "@/lib/dal/webhooks/list-endpoints";
import { deleteEndpoint, updateEndpoint } from "@/lib/dal/webhooks/mutate-endpoint";
import { updateWebhookInput } from "@/lib/schemas/webhooks";

export const GET = managementRoute({}, ({ ctx, params }) => getEndpoint(ctx, params.id ?? ""));

export const PATCH = managementRoute({ body: updateWebhookInput }, ({ ctx, params, body }) =>
  updateEndpoint(ctx, params.id ?? "", body),
);

/** Answers the deleted endpoint; its pending deliveries are dropped with it. */
export const DELETE = managementRoute({}, ({ ctx, params }) => deleteEndpoint(ctx, params.id ?? ""));
