import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { parsePublicKeyPem } from "@/lib/keys/public-key-pem";
import type { RotateKeyInput } from "@/lib/schemas/api-keys";
import { auditByCaller } from "../audit";
import { assertCanWrite, type TenantContext } from "../context";
import { enqueueKeyEvent } from "../webhooks/key-events";
import { type CreatedKey, insertApiKey } from "./create-api-key";
import { currentBalance, refillOf } from "./credit-columns";
import { keyColumns, keyStatus, toKeyDto } from "./dto";
import { findKeyRowOrThrow } from "./get-api-keys";
import { notifyKeyChanged } from "./notify";

/**
 * A new key with the same settings; the old one keeps working until now + grace (never later than
 * it would have anyway). Both rows and the audit event commit together.
 */
export async function rotateApiKey(
  ctx: TenantContext,
  id: string,
  input: RotateKeyInput,
  now = new Date(),
): Promise<CreatedKey> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const old = await findKeyRowOrThrow(tx, ctx, id, true);
    const status = keyStatus(old, now);
    if (status !== "active")
      throw new AppError("CONFLICT", `An ${status} key cannot be rotated; create a new key instead.`);
    if (old.type === "public_key") {
      if (!input.publicKey) {
        throw new AppError(
          "VALIDATION_ERROR",
          "publicKey: rotating a public_key key needs the new public.pem.",
          {
            fields: [{ path: "publicKey", message: "Required for public_key keys." }],
          },
        );
      }
      const parsed = parsePublicKeyPem(input.publicKey);
      if (parsed.ok && parsed.thumbprint === old.fingerprint) {
        throw new AppError(
          "VALIDATION_ERROR",
          "publicKey: this is the key being rotated; generate a new key pair.",
          {
            fields: [
              { path: "publicKey", message: "This is the key being rotated; generate a new key pair." },
            ],
          },
        );
      }
    } else if (input.publicKey !== undefined) {
      throw new AppError("VALIDATION_ERROR", "publicKey: only public_key keys take a publicKey.", {
        fields: [{ path: "publicKey", message: "Only public_key keys take a publicKey." }],
      });
    }

    const created = await insertApiKey(tx, ctx, {
      name: old.name,
      description: old.description,
      type: old.type,
      environment: old.environment,
      scopes: old.scopes,
      ipAllowlist: old.ipAllowlist,
      expiresAt: old.expiresAt,
      rateLimitPerMinute: old.rateLimitPerMinute,
      metadata: old.metadata,
      identityId: old.identityId,
      ratelimits: old.ratelimits,
      publicKey: input.publicKey,
      rotatedFromId: old.id,
      credits: inheritedCredits(old, now),
    });
    const graceEnd = new Date(now.getTime() + input.gracePeriodSeconds * 1000);
    const oldExpiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
    const [oldRow] = await tx
      .update(apiKeys)
      .set({ expiresAt: oldExpiresAt })
      .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, old.id)))
      .returning(keyColumns);
    await notifyKeyChanged(tx, old.id);
    await auditByCaller(
      tx,
      ctx,
      "api_key.rotated",
      { type: "api_key", id: old.id },
      {
        newKeyId: created.key.id,
        gracePeriodSeconds: input.gracePeriodSeconds,
        oldKeyExpiresAt: oldExpiresAt.toISOString(),
      },
    );
    // `key` is the rotated (old) key, as for every key.* event; the new one is beside it.
    await enqueueKeyEvent(tx, ctx.tenantId, "key.rotated", toKeyDto(oldRow!), { newKey: created.key });
    return created;
  });
}

/**
 * The new key starts with the old one's balance and refill. The old key keeps its own balance for
 * the grace period (docs/decisions.md: a rotation can at most double what is left, for that while).
 */
function inheritedCredits(old: Parameters<typeof refillOf>[0], now: Date) {
  const remaining = currentBalance(old, now);
  if (remaining === null) return null;
  const refill = refillOf(old);
  return {
    remaining,
    refill: refill && {
      interval: refill.interval,
      amount: refill.amount,
      dayOfMonth: refill.dayOfMonth ?? undefined,
    },
  };
}
