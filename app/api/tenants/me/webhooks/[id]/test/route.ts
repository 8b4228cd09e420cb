import { jsonResponse } from "@/lib/api/responses";
import { managementRoute } from "@/lib/api/route";
import { sendTestEvent } from "@/lib/dal/webhooks/deliveries";

/** Queues a `webhook.test` event for this endpoint; 202 with its delivery (follow it in the log). */
export const POST = managementRoute({}, async ({ ctx, params }) =>
  jsonResponse(await sendTestEvent(ctx, params.id ?? ""), { status: 202 }),
);
