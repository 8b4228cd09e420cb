"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@/lib/api/app-error";
import { requireContext } from "@/lib/auth/session";
import { createSigningSecret, retireSigningSecret } from "@/lib/dal/signing-secrets";

type Failure = { ok: false; message: string };

function failure(error: unknown): Failure {
  // FORBIDDEN (viewers), CONFLICT (the last active secret), NOT_FOUND: messages meant for users.
  if (error instanceof AppError && error.status < 500) return { ok: false, message: error.message };
  throw error;
}

/** The new secret is returned here once, to be shown once; Keydesk keeps it sealed, showing only its last four characters. */
export async function addSigningSecretAction(): Promise<{ ok: true; secret: string } | Failure> {
  const ctx = await requireContext();
  try {
    const { secret } = await createSigningSecret(ctx);
    revalidatePath("/settings");
    return { ok: true, secret };
  } catch (error) {
    return failure(error);
  }
}

export async function retireSigningSecretAction(id: unknown): Promise<{ ok: true } | Failure> {
  const ctx = await requireContext();
  const parsed = z.string().min(1).max(64).safeParse(id);
  if (!parsed.success) return { ok: false, message: "No active signing secret with this id." };
  try {
    await retireSigningSecret(ctx, parsed.data);
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
