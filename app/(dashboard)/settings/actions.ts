"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/api/app-error";
import { requireContext } from "@/lib/auth/session";
import { updateTenantInput } from "@/lib/dal/tenant-schemas";
import { updateTenant } from "@/lib/dal/tenants";

export type TenantSettingsState = { ok: boolean; message?: string; fieldErrors: Record<string, string> };

// Each action re-checks the session (a page's check does not protect its actions); the DAL refuses
// viewers with FORBIDDEN, which comes back as a message rather than an error page.

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

export type ScopeCatalogResult = { ok: true; scopes: string[] } | { ok: false; message: string };

/** Replaces the tenant's scope catalog (what the create-key dialog offers as checkboxes). */
export async function updateScopeCatalogAction(scopes: unknown): Promise<ScopeCatalogResult> {
  const ctx = await requireContext();
  const parsed = updateTenantInput.safeParse({ scopeCatalog: scopes });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid scopes." };
  try {
    const tenant = await updateTenant(ctx, parsed.data);
    revalidatePath("/settings");
    revalidatePath("/keys");
    return { ok: true, scopes: tenant.scopeCatalog };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { ok: false, message: error.message };
    throw error;
  }
}
