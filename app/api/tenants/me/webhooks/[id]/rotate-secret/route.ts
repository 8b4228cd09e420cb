import { jsonResponse } from "@/lib/api/responses";
import { managementRoute } from "@/lib/api/route";
import { rotateEndpointSecret } from "@/lib/dal/webhooks/mutate-endpoint";

/** The new secret, once; the replaced one keeps signing (alongside) for 24 h. */
export const POST = managementRoute({}, async ({ ctx, params }) => {
  const { secret, dto } = await rotateEndpointSecret(ctx, params.id ?? "");
  return jsonResponse({ ...dto, secret }, { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
});
