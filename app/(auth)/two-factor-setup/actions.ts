"use server";

import { z } from "zod";
import { enrolmentAction } from "@/lib/actions/session-action";
import { beginMfaEnrolment, confirmMfaEnrolment } from "@/lib/auth/mfa-enrolment";
import { totpCodeInput } from "@/lib/schemas/account";

// Every role may protect its own account ("read" access), and a session held back by the
// workspace's 2FA policy may use these two (and nothing else) to get through.

/** A new secret, its QR code and URI: on screen this once. */
export const startMfaEnrolmentAction = enrolmentAction({ access: "read", input: z.undefined() }, (_, ctx) =>
  beginMfaEnrolment(ctx),
);

/** The code proves the app holds the secret; the recovery codes come back this once. */
export const confirmMfaEnrolmentAction = enrolmentAction(
  { access: "read", input: totpCodeInput },
  async (input, ctx) => ({ recoveryCodes: await confirmMfaEnrolment(ctx, input.code) }),
);
