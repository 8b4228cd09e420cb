import { toKeyRow } from "@/components/keys/key-row";
import { sessionRoute } from "@/lib/api/session-route";
import { getApiKey } from "@/lib/dal/api-keys/get-api-keys";

/** One key as the table shows it; the onboarding walkthrough polls its last use. */
export const GET = sessionRoute({}, async ({ ctx, params }) =>
  toKeyRow(await getApiKey(ctx, params.id ?? "")),
);
