import { managementRoute } from "@/lib/api/route";
import { auditLogQuery, listAuditEvents } from "@/lib/dal/audit-log";

export const GET = managementRoute({ query: auditLogQuery }, ({ ctx, query }) => listAuditEvents(ctx, query));
