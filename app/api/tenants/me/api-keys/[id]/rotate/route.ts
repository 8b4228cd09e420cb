import { createdKeyResponse } from "@/lib/api/key-responses";
import { managementRoute } from "@/lib/api/route";
import { rotateApiKey } from "@/lib/dal/api-keys/rotate-api-key";
import { rotateKeyInput } from "@/lib/schemas/api-keys";

export const POST = managementRoute({ body: rotateKeyInput }, async ({ ctx, params, body }) =>
  createdKeyResponse(await rotateApiKey(ctx, params.id ?? "", body)),
);
