import { managementRoute } from "@/lib/api/route";
import { getSecurityPolicy, setSecurityPolicy } from "@/lib/dal/security-policy";
import { updateSecurityPolicyInput } from "@/lib/schemas/account";

export const GET = managementRoute({}, async ({ ctx }) => getSecurityPolicy(ctx));

/** Owners only; turning it on needs the owner's own 2FA first. */
export const PATCH = managementRoute({ body: updateSecurityPolicyInput }, async ({ ctx, body }) =>
  setSecurityPolicy(ctx, body.requireMfa),
);
