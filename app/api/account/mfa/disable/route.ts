import { managementRoute } from "@/lib/api/route";
import { turnOffMfa } from "@/lib/auth/mfa-enrolment";
import { mfaCodeInput } from "@/lib/schemas/account";

export const POST = managementRoute({ body: mfaCodeInput }, async ({ ctx, body }) => {
  await turnOffMfa(ctx, body.code);
  return new Response(null, { status: 204 });
});
