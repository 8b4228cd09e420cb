import { managementRoute } from "@/lib/api/route";
import { adjustCredits } from "@/lib/dal/api-keys/adjust-credits";
import { adjustCreditsInput } from "@/lib/schemas/api-keys";

/** Sets, adds to or takes from a key's balance; answers the key. */
export const POST = managementRoute({ body: adjustCreditsInput }, ({ ctx, params, body }) =>
  adjustCredits(ctx, params.id ?? "", body),
);
