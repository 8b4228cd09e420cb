"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@/lib/api/app-error";
import { requireContext } from "@/lib/auth/session";
import { createSigningSecret, retireSigningSecret } from "@/lib/dal/signing-secrets";
import { updateTenant } from "@/lib/dal/tenants";
import { scopeListSchema } from "@/lib/keys/scopes";

type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

async function guarded<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    const value = await run();
    revalidatePath("/settings");
    return { ok: true, ...value };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { ok: false, message: error.message };
    throw error;
  }
}

/** The new secret is returned once, to be shown once; only its last four characters are kept visible. */
export async function addSigningSecretAction(): Promise<Result<{ secret: string }>> {
  const ctx = await requireContext();
  return guarded(async () => ({ secret: (await createSigningSecret(ctx)).secret }));
}

export async function retireSigningSecretAction(id: string): Promise<Result<object>> {
  const ctx = await requireContext();
  const secretId = z.string().max(64).parse(id);
  return guarded(async () => {
    await retireSigningSecret(ctx, secretId);
    return {};
  });
}

export async function updateScopeCatalogAction(scopes: string[]): Promise<Result<{ scopes: string[] }>> {
  const ctx = await requireContext();
  const parsed = scopeListSchema.safeParse(scopes);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid scopes." };
  return guarded(async () => ({
    scopes: (await updateTenant(ctx, { scopeCatalog: parsed.data })).scopeCatalog,
  }));
}
