import { adjustCreditsInput, apiKey } from "@/lib/schemas/api-keys";
import { error, type Operation } from "./operation";

/** Issue 12's credits: the balance is set on create and PATCH too (see those operations' bodies). */
export const CREDIT_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/tenants/me/api-keys/{id}/credits",
    tag: "API keys",
    summary:
      "Adjust a key's credits: set, increment or decrement (decrement stops at 0); a due refill is applied first; audited",
    auth: "accessToken",
    body: adjustCreditsInput,
    responses: {
      200: { description: "The key, with its new balance", schema: apiKey },
      400: error(
        "VALIDATION_ERROR (amount: a whole number from 0 to 1 000 000 000; the balance may not exceed it)",
      ),
      401: error("UNAUTHORIZED"),
      403: error("FORBIDDEN (viewers are read-only)"),
      404: error("NOT_FOUND"),
      409: error("CONFLICT (revoked key, or increment/decrement on a key without credits)"),
    },
  },
];
