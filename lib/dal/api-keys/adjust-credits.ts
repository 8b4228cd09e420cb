import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { type AdjustCreditsInput, type ApiKeyDto, MAX_CREDITS } from "@/lib/schemas/api-keys";
import { auditByCaller } from "../audit";
import { assertCanWrite, type TenantContext } from "../context";
import { creditsBaseline, currentBalance } from "./credit-columns";
import { keyColumns, toKeyDto } from "./dto";
import { findKeyRowOrThrow } from "./get-api-keys";
import { notifyKeyChanged } from "./notify";

function adjusted(before: number | null, { op, amount }: AdjustCreditsInput): number {
  if (op === "set") return amount;
  if (before === null) {
    throw new AppError(
      "CONFLICT",
      `This key has no credits (it is unlimited): use op "set" to give it some.`,
    );
  }
  // Decrement stops at 0 rather than failing: taking back more than is left leaves nothing.
  if (op === "decrement") return Math.max(0, before - amount);
  if (before + amount > MAX_CREDITS) {
    const message = `The balance would exceed ${MAX_CREDITS}.`;
    throw new AppError("VALIDATION_ERROR", `amount: ${message}`, { fields: [{ path: "amount", message }] });
  }
  return before + amount;
}

/**
 * POST …/api-keys/{id}/credits. The row is locked for the change, so verifications spending at the
 * same moment wait and then see the new balance; a refill that is due is applied first.
 */
export async function adjustCredits(
  ctx: TenantContext,
  id: string,
  input: AdjustCreditsInput,
  now = new Date(),
): Promise<ApiKeyDto> {
  assertCanWrite(ctx);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findKeyRowOrThrow(tx, ctx, id, true);
    if (current.revokedAt) throw new AppError("CONFLICT", "A revoked key cannot be changed.");
    const before = currentBalance(current, now);
    const after = adjusted(before, input);
    const [row] = await tx
      .update(apiKeys)
      .set({
        creditsRemaining: after,
        // The balance now accounts for any boundary passed: the next refill is the next boundary.
        creditsRefilledAt: now,
        // An adjustment starts a new period for credits.low/exhausted too (lib/keys/credit-alerts.ts).
        creditsBaseline: creditsBaseline(current.creditsRefillAmount, after),
      })
      .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id)))
      .returning(keyColumns);
    await notifyKeyChanged(tx, id);
    await auditByCaller(
      tx,
      ctx,
      "api_key.credits_changed",
      { type: "api_key", id },
      { op: input.op, amount: input.amount, before, after },
    );
    return toKeyDto(row!, now);
  });
}
