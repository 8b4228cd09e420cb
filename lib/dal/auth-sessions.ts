import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { authSessions, refreshTokens } from "@/db/schema";
import {
  generateRefreshToken,
  hashRefreshToken,
  REFRESH_TOKEN_TTL_SECONDS,
} from "@/lib/crypto/refresh-token";
import { newId } from "@/lib/ids";
import { recordAudit } from "./audit";
import { insertSession, liveSession, type SessionClaims, type SessionOrigin } from "./session-rows";

type SessionTokens = { sessionId: string; userId: string; tenantId: string; refreshToken: string };

async function issueRefreshToken(tx: Transaction, sessionId: string, now: Date): Promise<string> {
  const token = generateRefreshToken();
  await tx.insert(refreshTokens).values({
    id: newId("rft"),
    sessionId,
    tokenHash: hashRefreshToken(token),
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000),
  });
  return token;
}

/** A programmatic login: a new refresh-token family with its first token. */
export async function createAuthSession(
  input: { userId: string; tenantId: string } & SessionOrigin,
): Promise<SessionTokens> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const sessionId = await insertSession(tx, "api", input);
    const refreshToken = await issueRefreshToken(tx, sessionId, new Date());
    return { sessionId, userId: input.userId, tenantId: input.tenantId, refreshToken };
  });
}

export type RotateResult = ({ ok: true } & SessionTokens) | { ok: false; reason: "invalid" | "reused" };

/**
 * Refresh-token rotation. The row is locked so two concurrent uses of one token cannot both
 * succeed; a token that was already used means it leaked (or a client raced itself), so the whole
 * family is revoked, as OAuth 2.0 Security BCP §4.14 recommends.
 */
export async function rotateRefreshToken(token: string, ip: string, now = new Date()): Promise<RotateResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<RotateResult> => {
    const [row] = await tx
      .select({
        id: refreshTokens.id,
        usedAt: refreshTokens.usedAt,
        expiresAt: refreshTokens.expiresAt,
        sessionId: authSessions.id,
        userId: authSessions.userId,
        tenantId: authSessions.tenantId,
        revokedAt: authSessions.revokedAt,
      })
      .from(refreshTokens)
      .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)))
      .for("update");
    if (!row || row.revokedAt || row.expiresAt <= now) return { ok: false, reason: "invalid" };
    const actor = { type: "token" as const, id: row.sessionId, userId: row.userId };
    if (row.usedAt) {
      await tx
        .update(authSessions)
        .set({ revokedAt: now, revokedReason: "refresh_token_reuse" })
        .where(eq(authSessions.id, row.sessionId));
      await recordAudit(tx, {
        tenantId: row.tenantId,
        actor,
        action: "auth.refresh_token_reused",
        target: { type: "session", id: row.sessionId },
        ip,
      });
      return { ok: false, reason: "reused" };
    }
    await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, row.id));
    const refreshToken = await issueRefreshToken(tx, row.sessionId, now);
    return { ok: true, sessionId: row.sessionId, userId: row.userId, tenantId: row.tenantId, refreshToken };
  });
}

/** Logout: ends the family the refresh token belongs to. Unknown tokens are ignored (idempotent). */
export async function revokeSessionByRefreshToken(token: string, ip: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ sessionId: authSessions.id, userId: authSessions.userId, tenantId: authSessions.tenantId })
      .from(refreshTokens)
      .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
      .where(and(eq(refreshTokens.tokenHash, hashRefreshToken(token)), isNull(authSessions.revokedAt)));
    if (!row) return false;
    await revokeSession(tx, row, ip);
    return true;
  });
}

/** Logout with the access token alone: ends that token's own family. */
export async function revokeSessionById(session: SessionClaims, ip: string) {
  const db = await getDb();
  await db.transaction((tx) => revokeSession(tx, session, ip));
}

async function revokeSession(tx: Transaction, s: SessionClaims, ip: string) {
  await tx.update(authSessions).set({ revokedAt: new Date(), revokedReason: "logout" }).where(liveSession(s));
  await recordAudit(tx, {
    tenantId: s.tenantId,
    actor: { type: "token", id: s.sessionId, userId: s.userId },
    action: "auth.logout",
    target: { type: "session", id: s.sessionId },
    ip,
  });
}
