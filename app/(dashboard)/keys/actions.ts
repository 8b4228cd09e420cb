"use server";

import { revalidatePath } from "next/cache";
import { action, actionWithId } from "@/lib/actions/session-action";
import { adjustCredits } from "@/lib/dal/api-keys/adjust-credits";
import { type CreatedKey, createApiKey } from "@/lib/dal/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/dal/api-keys/revoke-api-key";
import { rotateApiKey } from "@/lib/dal/api-keys/rotate-api-key";
import { updateApiKey } from "@/lib/dal/api-keys/update-api-key";
import {
  adjustCreditsInput,
  createKeyInput,
  revokeKeyInput,
  rotateKeyInput,
  updateKeyInput,
} from "@/lib/schemas/api-keys";

// Thin wrappers over the DAL functions the REST API uses; the action helper checks the session and
// the role on every call. A secret leaves the server here, once, in the action's response only.

/** What the browser gets back from creating or rotating: the new key's id, and its secret once. */
export type IssuedKey = {
  id: string;
  type: CreatedKey["key"]["type"];
  fingerprint: string | null;
  secret: string | null;
};

const NO_SUCH_KEY = "No API key with this id.";

function issued({ key, secret }: CreatedKey): IssuedKey {
  return { id: key.id, type: key.type, fingerprint: key.fingerprint, secret };
}

export const createKeyAction = action({ access: "write", input: createKeyInput }, async (input, ctx) => {
  const created = await createApiKey(ctx, input);
  revalidatePath("/keys");
  return issued(created);
});

export const updateKeyAction = actionWithId(
  { access: "write", input: updateKeyInput, notFound: NO_SUCH_KEY },
  async (id, input, ctx) => {
    await updateApiKey(ctx, id, input);
    revalidatePath(`/keys/${id}`);
    return null;
  },
);

export const rotateKeyAction = actionWithId(
  { access: "write", input: rotateKeyInput, notFound: NO_SUCH_KEY },
  async (id, input, ctx) => {
    const created = await rotateApiKey(ctx, id, input);
    revalidatePath("/keys");
    revalidatePath(`/keys/${id}`);
    return issued(created);
  },
);

export const revokeKeyAction = actionWithId(
  { access: "write", input: revokeKeyInput, notFound: NO_SUCH_KEY },
  async (id, input, ctx) => {
    await revokeApiKey(ctx, id, input.reason);
    revalidatePath("/keys");
    revalidatePath(`/keys/${id}`);
    return null;
  },
);

/** Sets, adds to or takes from the balance (POST …/credits does the same); answers the new balance. */
export const adjustCreditsAction = actionWithId(
  { access: "write", input: adjustCreditsInput, notFound: NO_SUCH_KEY },
  async (id, input, ctx) => {
    const key = await adjustCredits(ctx, id, input);
    revalidatePath("/keys");
    revalidatePath(`/keys/${id}`);
    return { remaining: key.credits?.remaining ?? null };
  },
);
