import { jsonResponse } from "@/lib/api/responses";
import { managementRoute } from "@/lib/api/route";
import { beginMfaEnrolment } from "@/lib/auth/mfa-enrolment";

/** Starts (or restarts) set-up: the secret is in this answer and never sent again. */
export const POST = managementRoute({}, async ({ ctx }) =>
  jsonResponse(await beginMfaEnrolment(ctx), { status: 201 }),
);
