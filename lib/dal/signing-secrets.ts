import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db/client";
import { signingSecrets } from "@/db/schema";
import { seal, unseal } from "@/lib/crypto/seal";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import { generateSigningSecret } from "@/lib/keys/signed-key";
import type { SigningSecretDto } from "@/lib/schemas/signing-secrets";
import { notifyTenantChanged } from "./api-keys/notify";
import { auditByCaller } from "./audit";
import { assertCanWrite, type TenantContext } from "./context";

const SEAL_PURPOSE = "signing-secret";

const columns = {
  id: signingSecrets.id,
  hint: signingSecrets.hint,
  createdAt: signingSecrets.createdAt,
  retiredAt: signingSecrets.retiredAt,
};

function toDto(row: { id: string; hint: string; createdAt: Date; retiredAt: Date | null }): SigningSecretDto {
  return {
    id: row.id,
    hint: row.hint,
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    status: row.retiredAt ? "retired" : "active",
  };
}

export async function listSigningSecrets(ctx: TenantContext): Promise<SigningSecretDto[]> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(signingSecrets)
    .where(eq(signingSecrets.tenantId, ctx.tenantId))
    .orderBy(desc(signingSecrets.createdAt), desc(signingSecrets.id));
  return rows.map(toDto);
}

/** Inserts a new secret (which becomes the one that signs) and returns it in clear, once. */
export async function insertSigningSecret(
  tx: Transaction,
  ctx: TenantContext,
  reason: "manual" | "first_signed_key",
) {
  const secret = generateSigningSecret();
  const id = newId("sec");
  const [row] = await tx
    .insert(signingSecrets)
    .values({
      id,
      tenantId: ctx.tenantId,
      secret: seal(secret, getEnv().authSecret, SEAL_PURPOSE),
      hint: secret.slice(-4),
    })
    .returning(columns);
  await notifyTenantChanged(tx, ctx.tenantId);
  await auditByCaller(tx, ctx, "signing_secret.created", { type: "signing_secret", id }, { reason });
  return { secret, dto: toDto(row!) };
}

export async function createSigningSecret(
  ctx: TenantContext,
): Promise<{ secret: string; dto: SigningSecretDto }> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction((tx) => insertSigningSecret(tx, ctx, "manual"));
}

export async function retireSigningSecret(ctx: TenantContext, id: string): Promise<SigningSecretDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const active = await tx
      .select({ id: signingSecrets.id })
      .from(signingSecrets)
      .where(and(eq(signingSecrets.tenantId, ctx.tenantId), isNull(signingSecrets.retiredAt)))
      .for("update");
    if (!active.some((row) => row.id === id))
      throw new AppError("NOT_FOUND", "No active signing secret with this id.");
    if (active.length === 1) {
      throw new AppError(
        "CONFLICT",
        "Add a new signing secret before retiring the last one; signed keys would stop verifying.",
      );
    }
    const [row] = await tx
      .update(signingSecrets)
      .set({ retiredAt: new Date() })
      .where(and(eq(signingSecrets.tenantId, ctx.tenantId), eq(signingSecrets.id, id)))
      .returning(columns);
    await notifyTenantChanged(tx, ctx.tenantId);
    await auditByCaller(tx, ctx, "signing_secret.retired", { type: "signing_secret", id });
    return toDto(row!);
  });
}

/** The tenant's usable secrets in clear, newest first: the first signs, all verify. */
export async function activeSigningSecrets(db: Database | Transaction, tenantId: string): Promise<string[]> {
  const rows = await db
    .select({ secret: signingSecrets.secret })
    .from(signingSecrets)
    .where(and(eq(signingSecrets.tenantId, tenantId), isNull(signingSecrets.retiredAt)))
    .orderBy(desc(signingSecrets.createdAt), desc(signingSecrets.id));
  const authSecret = getEnv().authSecret;
  return rows.map((row) => unseal(row.secret, authSecret, SEAL_PURPOSE));
}
