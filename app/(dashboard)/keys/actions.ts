"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type KeyRowData, toKeyRow } from "@/components/keys/key-row";
import { requireContext } from "@/lib/auth/session";
import { createApiKey } from "@/lib/dal/api-keys/create-api-key";
import { listApiKeys } from "@/lib/dal/api-keys/get-api-keys";
import { revokeApiKey } from "@/lib/dal/api-keys/revoke-api-key";
import { rotateApiKey } from "@/lib/dal/api-keys/rotate-api-key";
import {
  createKeyInput,
  listKeysQuery,
  revokeKeyInput,
  rotateKeyInput,
  updateKeyInput,
} from "@/lib/dal/api-keys/schemas";
import { updateApiKey } from "@/lib/dal/api-keys/update-api-key";
import { type ActionFailure, invalidInput, userFacingFailure } from "./action-result";

// Thin wrappers over the DAL functions the REST API uses. Each action re-checks the session (a
// page's check does not protect its actions) and the DAL re-checks the role, so a viewer who posts
// anyway gets FORBIDDEN. A secret leaves the server here, once, in the action's response only.

export type IssuedKey = { id: string; type: KeyRowData["type"]; fingerprint: string | null };
export type IssueResult = { ok: true; key: IssuedKey; secret: string | null } | ActionFailure;
export type DoneResult = { ok: true } | ActionFailure;

const keyIdSchema = z.string().min(1).max(64);
const unknownKey: ActionFailure = { ok: false, message: "No API key with this id.", fieldErrors: {} };

export async function createKeyAction(input: unknown): Promise<IssueResult> {
  const ctx = await requireContext();
  const parsed = createKeyInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { key, secret } = await createApiKey(ctx, parsed.data);
    revalidatePath("/keys");
    return { ok: true, key: { id: key.id, type: key.type, fingerprint: key.fingerprint }, secret };
  } catch (error) {
    return userFacingFailure(error);
  }
}

export async function updateKeyAction(id: string, input: unknown): Promise<DoneResult> {
  const ctx = await requireContext();
  const keyId = keyIdSchema.safeParse(id);
  if (!keyId.success) return unknownKey;
  const parsed = updateKeyInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const key = await updateApiKey(ctx, keyId.data, parsed.data);
    revalidatePath(`/keys/${key.id}`);
    return { ok: true };
  } catch (error) {
    return userFacingFailure(error);
  }
}

export async function rotateKeyAction(id: string, input: unknown): Promise<IssueResult> {
  const ctx = await requireContext();
  const keyId = keyIdSchema.safeParse(id);
  if (!keyId.success) return unknownKey;
  const parsed = rotateKeyInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { key, secret } = await rotateApiKey(ctx, keyId.data, parsed.data);
    revalidatePath("/keys");
    revalidatePath(`/keys/${keyId.data}`);
    return { ok: true, key: { id: key.id, type: key.type, fingerprint: key.fingerprint }, secret };
  } catch (error) {
    return userFacingFailure(error);
  }
}

export async function revokeKeyAction(id: string, input: unknown): Promise<DoneResult> {
  const ctx = await requireContext();
  const keyId = keyIdSchema.safeParse(id);
  if (!keyId.success) return unknownKey;
  const parsed = revokeKeyInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const key = await revokeApiKey(ctx, keyId.data, parsed.data.reason);
    revalidatePath("/keys");
    revalidatePath(`/keys/${key.id}`);
    return { ok: true };
  } catch (error) {
    return userFacingFailure(error);
  }
}

/** The next page of the table ("Load more"), with the filters the page was rendered with. */
export async function listKeysAction(
  input: unknown,
): Promise<{ ok: true; rows: KeyRowData[]; nextCursor: string | null } | ActionFailure> {
  const ctx = await requireContext();
  const parsed = listKeysQuery.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { data, nextCursor } = await listApiKeys(ctx, parsed.data);
    return { ok: true, rows: data.map(toKeyRow), nextCursor };
  } catch (error) {
    return userFacingFailure(error);
  }
}
