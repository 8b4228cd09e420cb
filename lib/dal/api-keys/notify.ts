import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

/** Channel on which every instance hears that a key changed and drops it from its cache. */
export const KEY_CHANGES_CHANNEL = "keydesk_key_changes";

/**
 * NOTIFY inside the transaction: PostgreSQL delivers it only if, and right after, the change
 * commits — so a cache is never invalidated for a change that rolled back, nor too early.
 */
export async function notifyKeyChanged(tx: Transaction, keyId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${KEY_CHANGES_CHANNEL}, ${`key:${keyId}`})`);
}

/** Tenant settings (rate limit, token lifetime) or signing secrets changed. */
export async function notifyTenantChanged(tx: Transaction, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${KEY_CHANGES_CHANNEL}, ${`tenant:${tenantId}`})`);
}
