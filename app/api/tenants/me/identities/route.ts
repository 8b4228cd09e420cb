import { jsonResponse } from "@/lib/api/responses";
import { managementRoute } from "@/lib/api/route";
import { listIdentities } from "@/lib/dal/identities/list-identities";
import { createIdentity } from "@/lib/dal/identities/mutate-identity";
import { createIdentityInput, listIdentitiesQuery } from "@/lib/schemas/identities";

export const GET = managementRoute({ query: listIdentitiesQuery }, ({ ctx, query }) =>
  listIdentities(ctx, query),
);

export const POST = managementRoute({ body: createIdentityInput }, async ({ ctx, body }) =>
  jsonResponse(await createIdentity(ctx, body), { status: 201 }),
);
