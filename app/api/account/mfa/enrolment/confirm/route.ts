import { managementRoute } from "@/lib/api/route";
import { confirmMfaEnrolment } from "@/lib/auth/mfa-enrolment";
import { totpCodeInput } from "@/lib/schemas/account";

/** A code from the app turns 2FA on; the recovery codes are in this answer only. */
export const POST = managementRoute({ body: totpCodeInput }, async ({ ctx, body }) => ({
  recoveryCodes: await confirmMfaEnrolment(ctx, body.code),
}));
