import { createdKeyResponse } from "@/lib/api/key-responses";
import { managementRoute } from "@/lib/api/route";
import { createApiKey } from "@/lib/dal/api-keys/create-api-key";
import { listApiKeys } from "@/lib/dal/api-keys/get-api-keys";
import { createKeyInput, listKeysQuery } from "@/lib/schemas/api-keys";

export const GET = managementRoute({ query: listKeysQuery }, ({ ctx, query }) => listApiKeys(ctx, query));

export const POST = managementRoute({ body: createKeyInput }, async ({ ctx, body }) =>
  createdKeyResponse(await createApiKey(ctx, body)),
);
