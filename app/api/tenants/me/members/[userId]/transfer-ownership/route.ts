import { managementRoute } from "@/lib/api/route";
import { transferOwnership } from "@/lib/dal/members";

/** The member becomes an owner and the calling owner an admin, in one step. */
export const POST = managementRoute({}, ({ ctx, params }) => transferOwnership(ctx, params.userId ?? ""));
