import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db/client";
import { webhookDeliveries, webhookEvents } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { ListDeliveriesQuery, WebhookDeliveryDto, WebhookDeliveryPage } from "@/lib/schemas/webhooks";
import { auditByCaller } from "../audit";
import { assertCanWrite, type TenantContext } from "../context";
import { findEndpointRowOrThrow, toEndpointDto } from "./endpoint-rows";
import { enqueueWebhookEvent } from "./outbox";

const d = webhookDeliveries;
const deliveryColumns = {
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  eventType: webhookEvents.type,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt,
  lastAttemptAt: d.lastAttemptAt,
  lastStatusCode: d.lastStatusCode,
  durationMs: d.durationMs,
  responseExcerpt: d.responseExcerpt,
  error: d.error,
  createdAt: d.createdAt,
};
type DeliveryRow = Omit<WebhookDeliveryDto, "nextAttemptAt" | "lastAttemptAt" | "createdAt"> & {
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
};

function toDeliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  return {
    ...row,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function findDeliveryOrThrow(db: Database | Transaction, ctx: TenantContext, id: string) {
  const [row] = await db
    .select(deliveryColumns)
    .from(d)
    .innerJoin(webhookEvents, eq(webhookEvents.id, d.eventId))
    .where(and(eq(d.tenantId, ctx.tenantId), eq(d.id, id)));
  if (!row) throw new AppError("NOT_FOUND", "No webhook delivery with this id.");
  return row;
}

/** As for identities: the cursor keeps created_at to the microsecond. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const createdAtMicros = sql<string>`to_char(${d.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function decodeCursor(raw: string) {
  const [createdAt, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!id || !createdAt || !CURSOR_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
    throw new AppError("VALIDATION_ERROR", "cursor: not a cursor from this API.", {
      fields: [{ path: "cursor", message: "Not a cursor from this API." }],
    });
  return { createdAt, id };
}

/** An endpoint's deliveries, newest first, keyset-paginated on (createdAt, id), optionally by status. */
export async function listDeliveries(
  ctx: TenantContext,
  endpointId: string,
  query: ListDeliveriesQuery,
): Promise<WebhookDeliveryPage> {
  const db = await getDb();
  await findEndpointRowOrThrow(db, ctx, endpointId);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({ ...deliveryColumns, cursorCreatedAt: createdAtMicros })
    .from(d)
    .innerJoin(webhookEvents, eq(webhookEvents.id, d.eventId))
    .where(
      and(
        eq(d.tenantId, ctx.tenantId),
        eq(d.endpointId, endpointId),
        query.status ? eq(d.status, query.status) : undefined,
        cursor
          ? sql`(${d.createdAt}, ${d.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(({ cursorCreatedAt: _cursor, ...row }) => toDeliveryDto(row)),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(`${last.cursorCreatedAt}|${last.id}`).toString("base64url")
        : null,
  };
}

/**
 * Queues the delivery again, due now. Its attempt count is kept (the log shows every try); a
 * delivery already pending is just made due now.
 */
export async function retryDelivery(ctx: TenantContext, id: string): Promise<WebhookDeliveryDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await findDeliveryOrThrow(tx, ctx, id);
    await tx
      .update(d)
      .set({ status: "pending", nextAttemptAt: new Date() })
      .where(and(eq(d.tenantId, ctx.tenantId), eq(d.id, id)));
    await auditByCaller(tx, ctx, "webhook.delivery_retried", { type: "webhook_delivery", id });
    return toDeliveryDto(await findDeliveryOrThrow(tx, ctx, id));
  });
}

/** A `webhook.test` event for this endpoint only, even if it is switched off or not subscribed. */
export async function sendTestEvent(ctx: TenantContext, endpointId: string): Promise<WebhookDeliveryDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const endpoint = await findEndpointRowOrThrow(tx, ctx, endpointId);
    const { deliveryIds } = await enqueueWebhookEvent(tx, {
      tenantId: ctx.tenantId,
      type: "webhook.test",
      data: { endpoint: toEndpointDto(endpoint) },
      onlyEndpointId: endpointId,
    });
    await auditByCaller(tx, ctx, "webhook.test_sent", { type: "webhook_endpoint", id: endpointId });
    return toDeliveryDto(await findDeliveryOrThrow(tx, ctx, deliveryIds[0]!));
  });
}
