import { verificationLogPage, verificationLogQuery } from "@/lib/schemas/verification-log";
import { error, type Operation } from "./operation";

/** Issue 14: a key's verification log (and its CSV export). */
export const INSIGHT_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/tenants/me/api-keys/{id}/verifications",
    tag: "API keys",
    summary:
      "A key's verification log, newest first, with cursor pagination; format=csv downloads every matching entry (up to 50 000) as text/csv. Entries are kept VERIFICATION_LOG_DAYS (default 7); weight > 1 marks a sampled entry",
    auth: "accessToken",
    query: verificationLogQuery,
    responses: {
      200: {
        description: "A page of entries (format=csv: a CSV attachment instead)",
        schema: verificationLogPage,
      },
      400: error(
        "VALIDATION_ERROR (outcome: unknown code; address: not an IP address; cursor: not from this API)",
      ),
      401: error("UNAUTHORIZED"),
      404: error("NOT_FOUND (no such key in this tenant)"),
    },
    example: "GET /api/tenants/me/api-keys/key_…/verifications?outcome=IP_NOT_ALLOWED&limit=20",
  },
];
