import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { tenants, webhookEndpoints } from "@/db/schema";
import { seal } from "@/lib/crypto/seal";
import { generateWebhookSecret, WEBHOOK_SECRET_PURPOSE } from "@/lib/crypto/webhook-secret";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import {
  type CreateWebhookInput,
  MAX_WEBHOOK_ENDPOINTS,
  type UpdateWebhookInput,
  type WebhookEndpointDto,
} from "@/lib/schemas/webhooks";
import { auditByCaller } from "../audit";
import { assertCanWrite, type TenantContext } from "../context";
import { endpointColumns, findEndpointRowOrThrow, toEndpointDto } from "./endpoint-rows";

/** How long the secret replaced by a rotation keeps signing, so receivers can switch without a gap. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

type WithSecret = { secret: string; dto: WebhookEndpointDto };

const sealSecret = (secret: string) => seal(secret, getEnv().authSecret, WEBHOOK_SECRET_PURPOSE);
const endpointOf = (ctx: TenantContext, id: string) =>
  and(eq(webhookEndpoints.tenantId, ctx.tenantId), eq(webhookEndpoints.id, id));

/** The secret is returned in clear here, once; afterwards it is never shown again. */
export async function createEndpoint(ctx: TenantContext, input: CreateWebhookInput): Promise<WithSecret> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The tenant row's lock serializes concurrent creations, so the count below cannot be raced past.
    await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, ctx.tenantId)).for("update");
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.tenantId, ctx.tenantId));
    if ((existing?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS) {
      throw new AppError(
        "CONFLICT",
        `A workspace can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one first.`,
      );
    }
    const secret = generateWebhookSecret();
    const id = newId("whe");
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ id, tenantId: ctx.tenantId, ...input, secret: sealSecret(secret) })
      .returning(endpointColumns);
    await auditByCaller(
      tx,
      ctx,
      "webhook.created",
      { type: "webhook_endpoint", id },
      { url: input.url, eventTypes: input.eventTypes },
    );
    return { secret, dto: toEndpointDto(row!) };
  });
}

export async function updateEndpoint(
  ctx: TenantContext,
  id: string,
  patch: UpdateWebhookInput,
): Promise<WebhookEndpointDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await findEndpointRowOrThrow(tx, ctx, id, true);
    // Switching an endpoint back on forgets why Keydesk had switched it off, and its failure streak.
    const reenable = patch.enabled === true ? { disabledReason: null, failingSince: null } : {};
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ ...patch, ...reenable, updatedAt: sql`now()` })
      .where(endpointOf(ctx, id))
      .returning(endpointColumns);
    await auditByCaller(
      tx,
      ctx,
      "webhook.updated",
      { type: "webhook_endpoint", id },
      { changed: Object.keys(patch), ...(patch.url ? { url: patch.url } : {}) },
    );
    return toEndpointDto(row!);
  });
}

/** Its pending deliveries go with it (cascade); the events stay in the outbox for other endpoints. */
export async function deleteEndpoint(ctx: TenantContext, id: string): Promise<WebhookEndpointDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findEndpointRowOrThrow(tx, ctx, id, true);
    await tx.delete(webhookEndpoints).where(endpointOf(ctx, id));
    await auditByCaller(tx, ctx, "webhook.deleted", { type: "webhook_endpoint", id }, { url: current.url });
    return toEndpointDto(current);
  });
}

/**
 * A new secret signs from now on; the replaced one also signs for 24 h (both signatures are sent),
 * so a receiver can switch without rejecting a delivery. Rotating again during the overlap drops
 * the oldest secret at once: only the two newest ever sign.
 */
export async function rotateEndpointSecret(ctx: TenantContext, id: string): Promise<WithSecret> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await findEndpointRowOrThrow(tx, ctx, id, true);
    const secret = generateWebhookSecret();
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        previousSecret: sql`${webhookEndpoints.secret}`,
        previousSecretExpiresAt: new Date(Date.now() + SECRET_OVERLAP_MS),
        secret: sealSecret(secret),
        updatedAt: sql`now()`,
      })
      .where(endpointOf(ctx, id))
      .returning(endpointColumns);
    await auditByCaller(tx, ctx, "webhook.secret_rotated", { type: "webhook_endpoint", id });
    return { secret, dto: toEndpointDto(row!) };
  });
}
