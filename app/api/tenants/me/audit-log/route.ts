import { managementRoute } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/dal/audit-log";
import { auditLogQuery } from "@/lib/schemas/audit-log";

export const GET = managementRoute({ query: auditLogQuery }, ({ ctx, query }) => listAuditEvents(ctx, query));
