import "server-only";
import { getDb } from "@/db/client";
import { revokeKeyInTx } from "@/lib/dal/api-keys/revoke-api-key";
import type { LeakReport } from "@/lib/schemas/leaks";
import { identifyLeakedKey } from "./identify-leaked-key";

/**
 * Revokes every reported token that is a live Keydesk key, with reason `leaked`, as the system
 * actor, each in its own transaction with its audit event (where and how it was found). The key
 * is identified by the verification path itself (see identify-leaked-key.ts); the revocation is
 * scoped by that key's own tenant in the same statement.
 */
export async function revokeLeakedKeys(
  reports: LeakReport[],
  ip: string,
): Promise<{ matched: number; revoked: number }> {
  const db = await getDb();
  let matched = 0;
  let revoked = 0;
  for (const report of reports) {
    const key = await identifyLeakedKey(report.token);
    if (!key) continue;
    matched++;
    if (key.revoked) continue;
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
