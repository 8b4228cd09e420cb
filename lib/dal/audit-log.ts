import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditLogQuery, AuditPage } from "@/lib/schemas/audit-log";
import type { TenantContext } from "./context";

/** Newest first; the cursor is the last id seen (ids only grow). */
export async function listAuditEvents(ctx: TenantContext, query: AuditLogQuery): Promise<AuditPage> {
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
