"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { AppError } from "@/lib/api/app-error";
import { requireContext } from "@/lib/auth/session";
import { createApiKey } from "@/lib/dal/api-keys/create-api-key";
import type { ApiKeyDto } from "@/lib/dal/api-keys/dto";
import { revokeApiKey } from "@/lib/dal/api-keys/revoke-api-key";
import { rotateApiKey } from "@/lib/dal/api-keys/rotate-api-key";
import { createKeyInput, revokeKeyInput, rotateKeyInput, updateKeyInput } from "@/lib/dal/api-keys/schemas";
import { updateApiKey } from "@/lib/dal/api-keys/update-api-key";

export type KeyActionResult =
  | { ok: true; key: ApiKeyDto; secret: string | null }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

function failure(error: unknown): KeyActionResult {
  if (error instanceof AppError && error.status < 500) {
    const fields = (error.details?.fields as { path: string; message: string }[] | undefined) ?? [];
    return {
      ok: false,
      message: error.message,
      fieldErrors: Object.fromEntries(fields.map((f) => [f.path, f.message])),
    };
  }
  throw error;
}

function invalid(error: z.ZodError): KeyActionResult {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
  return { ok: false, message: "Check the highlighted fields.", fieldErrors };
}

/**
 * Thin wrappers over the same DAL functions the REST API uses. Each re-checks the session (a page's
 * check does not protect its actions); the DAL re-checks the role. A secret is returned once, here.
 */
export async function createKeyAction(input: unknown): Promise<KeyActionResult> {
  const ctx = await requireContext();
  const parsed = createKeyInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { key, secret } = await createApiKey(ctx, parsed.data);
    revalidatePath("/keys");
    return { ok: true, key, secret };
  } catch (error) {
    return failure(error);
  }
}

export async function updateKeyAction(id: string, input: unknown): Promise<KeyActionResult> {
  const ctx = await requireContext();
  const parsed = updateKeyInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const key = await updateApiKey(ctx, String(id), parsed.data);
    revalidatePath(`/keys/${key.id}`);
    return { ok: true, key, secret: null };
  } catch (error) {
    return failure(error);
  }
}

export async function rotateKeyAction(id: string, input: unknown): Promise<KeyActionResult> {
  const ctx = await requireContext();
  const parsed = rotateKeyInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { key, secret } = await rotateApiKey(ctx, String(id), parsed.data);
    revalidatePath("/keys");
    return { ok: true, key, secret };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeKeyAction(id: string, input: unknown): Promise<KeyActionResult> {
  const ctx = await requireContext();
  const parsed = revokeKeyInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const key = await revokeApiKey(ctx, String(id), parsed.data.reason);
    revalidatePath("/keys");
    revalidatePath(`/keys/${key.id}`);
    return { ok: true, key, secret: null };
  } catch (error) {
    return failure(error);
  }
}
