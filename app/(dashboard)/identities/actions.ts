"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, actionWithId } from "@/lib/actions/session-action";
import { createIdentity, deleteIdentity, updateIdentity } from "@/lib/dal/identities/mutate-identity";
import { createIdentityInput, updateIdentityInput } from "@/lib/schemas/identities";

// Thin wrappers over the DAL the REST API uses; the action helper checks session and role each call.

const NO_SUCH_IDENTITY = "No identity with this id.";

export const createIdentityAction = action(
  { access: "write", input: createIdentityInput },
  async (input, ctx) => {
    const created = await createIdentity(ctx, input);
    revalidatePath("/identities");
    return { id: created.id };
  },
);

export const updateIdentityAction = actionWithId(
  { access: "write", input: updateIdentityInput, notFound: NO_SUCH_IDENTITY },
  async (id, input, ctx) => {
    await updateIdentity(ctx, id, input);
    revalidatePath(`/identities/${id}`);
    return null;
  },
);

export const deleteIdentityAction = actionWithId(
  { access: "write", input: z.object({}).strict(), notFound: NO_SUCH_IDENTITY },
  async (id, _input, ctx) => {
    await deleteIdentity(ctx, id);
    revalidatePath("/identities");
    return null;
  },
);
