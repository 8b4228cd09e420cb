import { managementRoute } from "@/lib/api/route";
import { getIdentity } from "@/lib/dal/identities/list-identities";
import { deleteIdentity, updateIdentity } from "@/lib/dal/identities/mutate-identity";
import { updateIdentityInput } from "@/lib/schemas/identities";

export const GET = managementRoute({}, ({ ctx, params }) => getIdentity(ctx, params.id ?? ""));

export const PATCH = managementRoute({ body: updateIdentityInput }, ({ ctx, params, body }) =>
  updateIdentity(ctx, params.id ?? "", body),
);

/** 409 IDENTITY_HAS_KEYS while live keys link to it; answers the deleted identity. */
export const DELETE = managementRoute({}, ({ ctx, params }) => deleteIdentity(ctx, params.id ?? ""));
