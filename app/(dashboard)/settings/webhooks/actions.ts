"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, actionWithId } from "@/lib/actions/session-action";
import { retryDelivery, sendTestEvent } from "@/lib/dal/webhooks/deliveries";
import {
  createEndpoint,
  deleteEndpoint,
  rotateEndpointSecret,
  updateEndpoint,
} from "@/lib/dal/webhooks/mutate-endpoint";
import { createWebhookInput, updateWebhookInput } from "@/lib/schemas/webhooks";

// Webhooks' writes. The helper re-checks the session and refuses viewers on every call; the DAL
// checks the role again and finds every endpoint and delivery by the session's tenant.

const NO_ENDPOINT = "No webhook endpoint with this id.";
const LIST = "/settings/webhooks";

const refresh = (id?: string) => {
  revalidatePath(LIST);
  if (id) revalidatePath(`${LIST}/${id}`);
};

/** The `whsec_` secret comes back here once, to be shown once; Keydesk keeps it sealed. */
export const createWebhookAction = action(
  { access: "write", input: createWebhookInput },
  async (input, ctx) => {
    const { secret, dto } = await createEndpoint(ctx, input);
    refresh();
    return { id: dto.id, secret };
  },
);

export const updateWebhookAction = actionWithId(
  { access: "write", input: updateWebhookInput, notFound: NO_ENDPOINT },
  async (id, input, ctx) => {
    const dto = await updateEndpoint(ctx, id, input);
    refresh(id);
    return { enabled: dto.enabled };
  },
);

export const deleteWebhookAction = actionWithId(
  { access: "write", input: z.undefined(), notFound: NO_ENDPOINT },
  async (id, _, ctx) => {
    await deleteEndpoint(ctx, id);
    refresh();
    return null;
  },
);

/** The new secret, once; the replaced one keeps signing for 24 h. */
export const rotateWebhookSecretAction = actionWithId(
  { access: "write", input: z.undefined(), notFound: NO_ENDPOINT },
  async (id, _, ctx) => {
    const { secret } = await rotateEndpointSecret(ctx, id);
    refresh(id);
    return { secret };
  },
);

export const sendTestWebhookAction = actionWithId(
  { access: "write", input: z.undefined(), notFound: NO_ENDPOINT },
  async (id, _, ctx) => {
    const delivery = await sendTestEvent(ctx, id);
    return { deliveryId: delivery.id };
  },
);

export const retryDeliveryAction = actionWithId(
  { access: "write", input: z.undefined(), notFound: "No webhook delivery with this id." },
  async (id, _, ctx) => {
    const delivery = await retryDelivery(ctx, id);
    return { status: delivery.status };
  },
);
