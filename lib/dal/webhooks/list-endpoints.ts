import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import type { WebhookEndpointDto } from "@/lib/schemas/webhooks";
import type { TenantContext } from "../context";
import { endpointColumns, findEndpointRowOrThrow, toEndpointDto } from "./endpoint-rows";

/** At most 10 per tenant (MAX_WEBHOOK_ENDPOINTS), so one page, newest first. */
export async function listEndpoints(ctx: TenantContext): Promise<WebhookEndpointDto[]> {
  const db = await getDb();
  const rows = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, ctx.tenantId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map((row) => toEndpointDto(row));
}

export async function getEndpoint(ctx: TenantContext, id: string): Promise<WebhookEndpointDto> {
  return toEndpointDto(await findEndpointRowOrThrow(await getDb(), ctx, id));
}
