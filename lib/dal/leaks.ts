import "server-only";
import { getDb } from "@/db/client";
import { parseSecretKey } from "@/lib/keys/secret-key";
import { parseSignedKeyUnverified, verifySignedKey } from "@/lib/keys/signed-key";
import { hashApiKeySecret } from "./api-keys/key-material";
import { revokeKeyInTx } from "./api-keys/revoke-api-key";
import {
  findSigningSecretsForVerification,
  findVerificationKeyById,
  findVerificationKeyBySecretHash,
  type VerificationKeyRow,
} from "./verification-keys";

export type LeakReport = { token: string; type?: string; url?: string; source?: string };

/** The key a reported token really is (checksum and signature checked), or null. */
async function keyForToken(token: string): Promise<VerificationKeyRow | null> {
  if (parseSecretKey(token)) return findVerificationKeyBySecretHash(hashApiKeySecret(token));
  const claimed = parseSignedKeyUnverified(token);
  if (!claimed) return null;
  const verified = verifySignedKey(token, await findSigningSecretsForVerification(claimed.tenantId));
  return verified.ok ? findVerificationKeyById(verified.payload.keyId) : null;
}

/**
 * Revokes every reported token that is a live Keydesk key, with reason `leaked`, as the system
 * actor, each in its own transaction with its audit event (where and how it was found).
 */
export async function revokeLeakedKeys(
  reports: LeakReport[],
  ip: string,
): Promise<{ matched: number; revoked: number }> {
  const db = await getDb();
  let matched = 0;
  let revoked = 0;
  for (const report of reports) {
    const key = await keyForToken(report.token);
    if (!key) continue;
    matched++;
    const done = await db.transaction((tx) =>
      revokeKeyInTx(tx, { tenantId: key.tenantId, actor: { type: "system" }, ip }, key.id, "leaked", {
        source: report.source ?? null,
        url: report.url ?? null,
        tokenType: report.type ?? null,
      }),
    );
    if (done) revoked++;
  }
  return { matched, revoked };
}
