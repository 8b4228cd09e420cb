import { jsonResponse } from "@/lib/api/responses";
import { managementRoute } from "@/lib/api/route";
import { listEndpoints } from "@/lib/dal/webhooks/list-endpoints";
import { createEndpoint } from "@/lib/dal/webhooks/mutate-endpoint";
import { createWebhookInput } from "@/lib/schemas/webhooks";

export const GET = managementRoute({}, async ({ ctx }) => ({
  data: await listEndpoints(ctx),
  nextCursor: null,
}));

/** The endpoint's signing secret is returned once, here; it is never shown again. */
export const POST = managementRoute({ body: createWebhookInput }, async ({ ctx, body }) => {
  const { secret, dto } = await createEndpoint(ctx, body);
  return jsonResponse(
    { ...dto, secret },
    { status: 201, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } },
  );
});
