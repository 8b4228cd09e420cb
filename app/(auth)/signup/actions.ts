"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/session-action";
import { registerWithThrottle } from "@/lib/auth/register";
import { AppError } from "@/lib/errors/app-error";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { registerInput } from "@/lib/schemas/auth";

/** Creates the tenant and its owner; the form then signs in with what was typed. */
export const signupAction = publicAction({ input: registerInput }, async (input) => {
  try {
    await registerWithThrottle(input, clientIpFromHeaders(await headers()));
  } catch (error) {
    if (error instanceof AppError && error.code === "EMAIL_TAKEN") {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists. Log in instead.", {
        fields: [{ path: "email", message: "An account with this email already exists. Log in instead." }],
      });
    }
    throw error;
  }
  return null;
});
