import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { webhookKeyNotices } from "@/db/schema";

export type NoticeRow = { tenantId: string; keyId: string; notice: string; mark: Date };

/** Restricts a job to some tenants (tests share one database); undefined: every tenant. */
export function tenantFilter(column: SQL, onlyTenantIds: string[] | undefined): SQL {
  if (!onlyTenantIds) return sql`true`;
  if (onlyTenantIds.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    onlyTenantIds.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/**
 * Records the notices `candidates` (a SELECT of tenant_id, key_id, notice, mark) and returns the
 * ones that are new: a notice already recorded with the same mark is skipped, one recorded with
 * another mark is taken only if `replaces` holds (`kept`: the stored row, `excluded`: the
 * candidate). Two instances racing for one row: the second waits for the first to commit, sees its
 * mark, and gets nothing back — so its caller sends nothing.
 */
export async function claimNotices(tx: Transaction, candidates: SQL, replaces: SQL): Promise<NoticeRow[]> {
  const result = await tx.execute(sql`
    insert into ${webhookKeyNotices} as kept (tenant_id, key_id, notice, mark)
    ${candidates}
    on conflict (tenant_id, key_id, notice) do update set mark = excluded.mark where ${replaces}
    returning kept.tenant_id, kept.key_id, kept.notice, kept.mark`);
  const rows = rowsOf<{ tenant_id: string; key_id: string; notice: string; mark: string | Date }>(result);
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    keyId: row.key_id,
    notice: row.notice,
    mark: new Date(row.mark),
  }));
}

/** postgres-js answers an array, PGlite `{rows}`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
