import { managementRoute } from "@/lib/api/route";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordInput } from "@/lib/schemas/account";

/** Every other session of the user ends with the change; this token's session stays. */
export const POST = managementRoute({ body: changePasswordInput }, async ({ ctx, body }) =>
  changePassword(ctx, body),
);
