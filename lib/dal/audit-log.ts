import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { TenantContext } from "./context";

export const auditLogQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.coerce.number().int().positive().optional(),
    targetId: z.string().max(64).optional(),
  })
  .strict();
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export type AuditEventDto = {
  id: string;
  action: string;
  actor: { type: string; id: string | null };
  target: { type: string; id: string } | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: string;
};

/** Newest first; the cursor is the last id seen (ids only grow). */
export async function listAuditEvents(
  ctx: TenantContext,
  query: AuditLogQuery,
): Promise<{ data: AuditEventDto[]; nextCursor: string | null }> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, ctx.tenantId),
        query.targetId ? eq(auditEvents.targetId, query.targetId) : undefined,
        query.cursor ? lt(auditEvents.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((row) => ({
      id: String(row.id),
      action: row.action,
      actor: { type: row.actorType, id: row.actorId },
      target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
      ip: row.ip,
      details: row.details,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}
