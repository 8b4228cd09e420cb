"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, actionWithId } from "@/lib/actions/session-action";
import { changePassword } from "@/lib/auth/change-password";
import { turnOffMfa } from "@/lib/auth/mfa-enrolment";
import { endAccountSession } from "@/lib/dal/account-sessions";
import { changePasswordInput, mfaCodeInput } from "@/lib/schemas/account";

// The Account page's writes. Each concerns the caller's own account, so every role may make them
// ("read" access); the session is re-checked on every call by the action helper.

/** Every other session of the user ends; this browser stays signed in. */
export const changePasswordAction = action(
  { access: "read", input: changePasswordInput },
  async (input, ctx) => {
    const { sessionsEnded } = await changePassword(ctx, input);
    revalidatePath("/account");
    return { sessionsEnded };
  },
);

export const endSessionAction = actionWithId(
  { access: "read", input: z.undefined(), notFound: "No active session of yours has this id." },
  async (id, _, ctx) => {
    await endAccountSession(ctx, id);
    revalidatePath("/account");
    return null;
  },
);

/** Turning 2FA off asks for a code; refused while a workspace of the user's requires 2FA. */
export const disableMfaAction = action({ access: "read", input: mfaCodeInput }, async (input, ctx) => {
  await turnOffMfa(ctx, input.code);
  revalidatePath("/account");
  return null;
});
