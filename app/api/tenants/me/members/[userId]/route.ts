import { managementRoute } from "@/lib/api/route";
import { changeMemberRole, removeMember } from "@/lib/dal/members";
import { changeRoleInput } from "@/lib/schemas/members";

/** The member's sessions and access tokens in this workspace end with the change. */
export const PATCH = managementRoute({ body: changeRoleInput }, ({ ctx, params, body }) =>
  changeMemberRole(ctx, params.userId ?? "", body.role),
);

/** Removes a member; your own id leaves the workspace. The last owner can do neither. */
export const DELETE = managementRoute({}, ({ ctx, params }) => removeMember(ctx, params.userId ?? ""));
