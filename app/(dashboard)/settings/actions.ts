"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/api/app-error";
import { requireContext } from "@/lib/auth/session";
import { updateTenantInput } from "@/lib/dal/tenant-schemas";
import { updateTenant } from "@/lib/dal/tenants";

export type TenantSettingsState = { ok: boolean; message?: string; fieldErrors: Record<string, string> };

export async function updateTenantSettingsAction(
  _prev: TenantSettingsState,
  form: FormData,
): Promise<TenantSettingsState> {
  const ctx = await requireContext();
  const parsed = updateTenantInput.safeParse({
    name: form.get("name"),
    rateLimitPerMinute: Number(form.get("rateLimitPerMinute")),
    maxTokenLifetimeSeconds: Number(form.get("maxTokenLifetimeSeconds")),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  try {
    await updateTenant(ctx, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN")
      return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "Settings saved.", fieldErrors: {} };
}
