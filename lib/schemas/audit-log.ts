import { z } from "zod";

/** GET /api/tenants/me/audit-log */
export const auditLogQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.coerce.number().int().positive().optional(),
    targetId: z.string().max(64).optional(),
  })
  .strict();
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export const auditEvent = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable() }),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEventDto = z.infer<typeof auditEvent>;

export const auditPage = z.object({ data: z.array(auditEvent), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPage>;
