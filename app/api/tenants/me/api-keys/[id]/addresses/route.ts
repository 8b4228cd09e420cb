import { managementRoute } from "@/lib/api/route";
import { listKeyAddresses } from "@/lib/dal/verification-log/key-addresses";

/** The addresses a key was used from, with first/last seen, count and the "new" flag (issue 14). */
export const GET = managementRoute({}, async ({ ctx, params }) => ({
  data: await listKeyAddresses(ctx, params.id ?? ""),
}));
