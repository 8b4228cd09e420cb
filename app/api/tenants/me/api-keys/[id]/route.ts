import { managementRoute } from "@/lib/api/route";
import { getApiKey } from "@/lib/dal/api-keys/get-api-keys";
import { revokeApiKey } from "@/lib/dal/api-keys/revoke-api-key";
import { updateApiKey } from "@/lib/dal/api-keys/update-api-key";
import { revokeKeyInput, updateKeyInput } from "@/lib/schemas/api-keys";

export const GET = managementRoute({}, ({ ctx, params }) => getApiKey(ctx, params.id ?? ""));

export const PATCH = managementRoute({ body: updateKeyInput }, ({ ctx, params, body }) =>
  updateApiKey(ctx, params.id ?? "", body),
);

/** Revokes (keys stay listed for audit); answers the revoked key. */
export const DELETE = managementRoute({ body: revokeKeyInput }, ({ ctx, params, body }) =>
  revokeApiKey(ctx, params.id ?? "", body.reason),
);
