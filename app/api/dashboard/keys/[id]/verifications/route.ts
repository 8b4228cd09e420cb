import { verificationLogAnswer } from "@/lib/api/exports";
import { sessionRoute } from "@/lib/api/session-route";
import { verificationLogQuery } from "@/lib/schemas/verification-log";

/** The key page's "Recent verifications" (Load more) and its CSV download, by the browser session. */
export const GET = sessionRoute({ query: verificationLogQuery }, ({ ctx, params, query }) =>
  verificationLogAnswer(ctx, params.id ?? "", query),
);
