import { verificationLogAnswer } from "@/lib/api/exports";
import { managementRoute } from "@/lib/api/route";
import { verificationLogQuery } from "@/lib/schemas/verification-log";

/** A key's verification log, newest first (issue 14); `format=csv` downloads it. Every role may read. */
export const GET = managementRoute({ query: verificationLogQuery }, ({ ctx, params, query }) =>
  verificationLogAnswer(ctx, params.id ?? "", query),
);
