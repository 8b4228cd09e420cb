import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { WebhookEndpointDto } from "@/lib/schemas/webhooks";
import type { TenantContext } from "../context";

/** Everything but the secrets: they never leave the DAL except to the signer (and once, on creation). */
export const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

export type EndpointRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** `now` hides an overlap that has ended: the old secret no longer signs, so it is not worth showing. */
export function toEndpointDto(row: EndpointRow, now = new Date()): WebhookEndpointDto {
  const overlap = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    previousSecretExpiresAt: overlap ? row.previousSecretExpiresAt!.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The endpoint of this tenant — another tenant's id is the same 404 as an unknown one. */
export async function findEndpointRowOrThrow(
  db: Database | Transaction,
  ctx: TenantContext,
  id: string,
  forUpdate = false,
): Promise<EndpointRow> {
  const query = db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, ctx.tenantId), eq(webhookEndpoints.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("NOT_FOUND", "No webhook endpoint with this id.");
  return row;
}
