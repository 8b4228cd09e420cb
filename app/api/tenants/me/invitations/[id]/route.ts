import { managementRoute } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/dal/invitations";

/** Withdraws a pending invitation: its link stops working at once. */
export const DELETE = managementRoute({}, ({ ctx, params }) => revokeInvitation(ctx, params.id ?? ""));
