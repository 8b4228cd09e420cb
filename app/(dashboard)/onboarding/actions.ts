"use server";

import { z } from "zod";
import { AppError } from "@/lib/api/app-error";
import { requireContext } from "@/lib/auth/session";
import { createApiKey } from "@/lib/dal/api-keys/create-api-key";
import { getApiKey } from "@/lib/dal/api-keys/get-api-keys";
import { createKeyInput } from "@/lib/dal/api-keys/schemas";

export type OnboardingKey = { ok: true; id: string; secret: string | null } | { ok: false; message: string };

const onboardingKeyInput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("public_key"),
    publicKey: z
      .string()
      .min(1)
      .max(16 * 1024),
  }),
  z.object({ type: z.literal("secret") }),
]);

/** The walkthrough's key: a test-environment key named for what it is; its secret comes back once. */
export async function createOnboardingKeyAction(
  input: z.input<typeof onboardingKeyInput>,
): Promise<OnboardingKey> {
  const ctx = await requireContext();
  const parsed = onboardingKeyInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Paste a PEM public key, or choose a secret key." };
  const body = createKeyInput.parse({
    name: parsed.data.type === "public_key" ? "Onboarding (ES256)" : "Onboarding (secret)",
    type: parsed.data.type,
    environment: "test",
    ...(parsed.data.type === "public_key" ? { publicKey: parsed.data.publicKey } : {}),
  });
  try {
    const { key, secret } = await createApiKey(ctx, body);
    return { ok: true, id: key.id, secret };
  } catch (error) {
    if (error instanceof AppError && (error.code === "INVALID_KEY_FORMAT" || error.code === "FORBIDDEN")) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

/** Has Keydesk seen a request with this key yet? Polled by step 4. */
export async function firstRequestAction(
  keyId: string,
): Promise<{ seenAt: string | null; ip: string | null }> {
  const ctx = await requireContext();
  const key = await getApiKey(ctx, z.string().max(64).parse(keyId));
  return { seenAt: key.lastUsedAt, ip: key.lastUsedIp };
}
