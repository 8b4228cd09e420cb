"use server";

import { z } from "zod";
import { action } from "@/lib/actions/session-action";
import { createApiKey } from "@/lib/dal/api-keys/create-api-key";

const onboardingKeyInput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("public_key"),
    publicKey: z
      .string()
      .trim()
      .min(1, "Paste your public.pem, or generate a key pair above.")
      .max(16 * 1024),
  }),
  z.object({ type: z.literal("secret") }),
]);

/** The walkthrough's key: a test-environment key named for what it is; its secret comes back once. */
export const createOnboardingKeyAction = action(
  { access: "write", input: onboardingKeyInput },
  async (input, ctx) => {
    const { key, secret } = await createApiKey(ctx, {
      name: input.type === "public_key" ? "Onboarding (ES256)" : "Onboarding (secret)",
      type: input.type,
      environment: "test",
      scopes: [],
      ipAllowlist: [],
      metadata: {},
      ratelimits: [],
      ...(input.type === "public_key" ? { publicKey: input.publicKey } : {}),
    });
    return { id: key.id, secret };
  },
);
