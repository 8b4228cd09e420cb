import "server-only";
import { getDb, type Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { generateKeyId } from "@/lib/keys/key-id";
import type { ApiKeyDto, CreateKeyInput } from "@/lib/schemas/api-keys";
import { auditByCaller } from "../audit";
import { assertCanWrite, type TenantContext } from "../context";
import { enqueueKeyEvent } from "../webhooks/key-events";
import { creditColumns } from "./credit-columns";
import { keyColumns, toKeyDto } from "./dto";
import { issueKeyMaterial } from "./key-material";
import { resolveIdentityId } from "./link-identity";
import { notifyKeyChanged } from "./notify";

export type CreatedKey = { key: ApiKeyDto; secret: string | null };

type NewKeySettings = Omit<
  CreateKeyInput,
  "expiresAt" | "description" | "metadata" | "rateLimitPerMinute" | "identityId" | "externalId"
> & {
  identityId: string | null;
  description: string | null;
  rateLimitPerMinute: number | null;
  metadata: Record<string, unknown>;
  expiresAt: Date | null;
  rotatedFromId?: string;
};

/** Inserts a key with fresh material; shared by create and rotate. The caller owns the transaction. */
export async function insertApiKey(
  tx: Transaction,
  ctx: TenantContext,
  settings: NewKeySettings,
): Promise<CreatedKey> {
  const id = generateKeyId();
  const material = await issueKeyMaterial(tx, ctx, { ...settings, keyId: id });
  const [row] = await tx
    .insert(apiKeys)
    .values({
      id,
      tenantId: ctx.tenantId,
      name: settings.name,
      description: settings.description,
      type: settings.type,
      environment: settings.environment,
      scopes: settings.scopes,
      ipAllowlist: settings.ipAllowlist,
      expiresAt: settings.expiresAt,
      rateLimitPerMinute: settings.rateLimitPerMinute,
      metadata: settings.metadata,
      createdBy: ctx.userId,
      rotatedFromId: settings.rotatedFromId ?? null,
      ...creditColumns(settings.credits ?? null, new Date()),
      identityId: settings.identityId,
      ratelimits: settings.ratelimits,
      ...material.columns,
    })
    .returning(keyColumns);
  await notifyKeyChanged(tx, id);
  return { key: toKeyDto(row!), secret: material.secret };
}

export async function createApiKey(ctx: TenantContext, input: CreateKeyInput): Promise<CreatedKey> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { identityId, externalId, ...settings } = input;
    const created = await insertApiKey(tx, ctx, {
      ...settings,
      identityId: (await resolveIdentityId(tx, ctx, { identityId, externalId })) ?? null,
      description: input.description ?? null,
      expiresAt: input.expiresAt ?? null,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    });
    await auditByCaller(
      tx,
      ctx,
      "api_key.created",
      { type: "api_key", id: created.key.id },
      {
        name: created.key.name,
        type: created.key.type,
        environment: created.key.environment,
        ...(created.key.credits ? { credits: { after: created.key.credits.remaining } } : {}),
        ...(created.key.identity ? { identityId: created.key.identity.id } : {}),
      },
    );
    await enqueueKeyEvent(tx, ctx.tenantId, "key.created", created.key);
    return created;
  });
}
