import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { keyColumns, toKeyDto } from "../api-keys/dto";

export type KeyRef = { tenantId: string; keyId: string };

export const refId = (ref: KeyRef) => `${ref.tenantId}/${ref.keyId}`;

/**
 * The DTOs of the keys an event is about, by (tenant, key) pair in one statement: a periodic job
 * works across tenants, and each key is still matched on its own tenant.
 */
export async function keyDtosFor(
  tx: Transaction,
  refs: KeyRef[],
  now: Date,
): Promise<Map<string, ApiKeyDto>> {
  if (refs.length === 0) return new Map();
  const pairs = sql.join(
    refs.map((ref) => sql`(${ref.tenantId}::text, ${ref.keyId}::text)`),
    sql`, `,
  );
  const rows = await tx
    .select({ ...keyColumns, ownerTenantId: apiKeys.tenantId })
    .from(apiKeys)
    .where(sql`(${apiKeys.tenantId}, ${apiKeys.id}) in (${pairs})`);
  return new Map(
    rows.map(({ ownerTenantId, ...row }) => [
      refId({ tenantId: ownerTenantId, keyId: row.id }),
      toKeyDto(row, now),
    ]),
  );
}
