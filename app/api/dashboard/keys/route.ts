import { toKeyRow } from "@/components/keys/key-row";
import { sessionRoute } from "@/lib/api/session-route";
import { listApiKeys } from "@/lib/dal/api-keys/get-api-keys";
import { listKeysQuery } from "@/lib/schemas/api-keys";

/** The keys table's next page ("Load more"), with the filters the page was rendered with. */
export const GET = sessionRoute({ query: listKeysQuery }, async ({ ctx, query }) => {
  const { data, nextCursor } = await listApiKeys(ctx, query);
  return { data: data.map(toKeyRow), nextCursor };
});
