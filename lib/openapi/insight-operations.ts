import { keyAddressList } from "@/lib/schemas/key-addresses";
import { verificationLogPage, verificationLogQuery } from "@/lib/schemas/verification-log";
import { error, type Operation } from "./operation";

/** Issue 14: a key's verification log (and its CSV export), and the addresses it was used from. */
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
  {
    method: "get",
    path: "/api/tenants/me/api-keys/{id}/addresses",
    tag: "API keys",
    summary:
      "The addresses a key was used from (every verification that named it, whatever its outcome), most recently seen first, at most 100: first and last seen, count, and new (appeared in the last 24 h after 30 days or more unseen). Addresses unseen for 30 days are forgotten",
    auth: "accessToken",
    responses: {
      200: { description: "The key's addresses", schema: keyAddressList },
      401: error("UNAUTHORIZED"),
      404: error("NOT_FOUND (no such key in this tenant)"),
    },
    example: "GET /api/tenants/me/api-keys/key_…/addresses",
  },
];
