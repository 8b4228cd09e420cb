import "server-only";
import { and, eq, gt, isNotNull, isNull, lt, or } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { mfaChallenges, users } from "@/db/schema";
import { recordAudit } from "./audit";

export type LiveChallenge = { userId: string; tenantId: string; email: string };

/** A login whose password was right: the challenge that waits for its code (hash only). */
export async function createMfaChallenge(input: {
  tokenHash: string;
  userId: string;
  tenantId: string;
  expiresAt: Date;
}): Promise<void> {
  const db = await getDb();
  // Spent and expired challenges of this user go with each new one, so the table stays small.
  await db.transaction(async (tx) => {
    await tx
      .delete(mfaChallenges)
      .where(
        and(
          eq(mfaChallenges.userId, input.userId),
          or(lt(mfaChallenges.expiresAt, new Date()), isNotNull(mfaChallenges.usedAt)),
        ),
      );
    await tx.insert(mfaChallenges).values(input);
  });
}

export type SecondFactorCheck = (
  db: Database,
  challenge: LiveChallenge,
) => Promise<"totp" | "recovery_code" | null>;

export type RedeemResult =
  | { ok: true; challenge: LiveChallenge; method: "totp" | "recovery_code" }
  | { ok: false; reason: "invalid_challenge" | "wrong_code" };

/**
 * Completes a login's second step in one transaction: the challenge row is locked (two requests
 * with one challenge are served one after the other), `check` verifies the code with the same
 * transaction (recording its step, or spending the recovery code), and only a right code spends
 * the challenge. A wrong code leaves it for another try, within its few minutes and the throttle.
 */
export async function redeemMfaChallenge(
  tokenHash: string,
  check: SecondFactorCheck,
  ip: string,
  now = new Date(),
): Promise<RedeemResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<RedeemResult> => {
    const [challenge] = await tx
      .select({ userId: mfaChallenges.userId, tenantId: mfaChallenges.tenantId, email: users.email })
      .from(mfaChallenges)
      .innerJoin(users, eq(users.id, mfaChallenges.userId))
      .where(
        and(
          eq(mfaChallenges.tokenHash, tokenHash),
          isNull(mfaChallenges.usedAt),
          gt(mfaChallenges.expiresAt, now),
        ),
      )
      .for("update", { of: mfaChallenges });
    if (!challenge) return { ok: false, reason: "invalid_challenge" };
    const method = await check(tx, challenge);
    if (!method) return { ok: false, reason: "wrong_code" };
    await tx.update(mfaChallenges).set({ usedAt: now }).where(eq(mfaChallenges.tokenHash, tokenHash));
    if (method === "recovery_code") {
      await recordAudit(tx, {
        tenantId: challenge.tenantId,
        actor: { type: "user", id: challenge.userId },
        action: "auth.mfa_recovery_code_used",
        target: { type: "user", id: challenge.userId },
        ip,
      });
    }
    return { ok: true, challenge, method };
  });
}
