import {
  createWebhookInput,
  listDeliveriesQuery,
  updateWebhookInput,
  webhookDelivery,
  webhookDeliveryPage,
  webhookEndpoint,
  webhookEndpointList,
  webhookEndpointWithSecret,
} from "@/lib/schemas/webhooks";
import { error, type Operation } from "./operation";

const base = { tag: "Webhooks", auth: "accessToken" } as const;
const ENDPOINT = "/api/tenants/me/webhooks/{id}";

/** Webhook endpoints and their delivery log (issue 13). */
export const WEBHOOK_OPERATIONS: Operation[] = [
  {
    ...base,
    method: "get",
    path: "/api/tenants/me/webhooks",
    summary: "List webhook endpoints (at most 10), newest first; never their secrets",
    responses: { 200: { description: "Endpoints", schema: webhookEndpointList } },
  },
  {
    ...base,
    method: "post",
    path: "/api/tenants/me/webhooks",
    summary: "Create an endpoint: URL, description, event types; its whsec_ secret is shown once, here",
    body: createWebhookInput,
    responses: {
      201: { description: "Created, with its signing secret", schema: webhookEndpointWithSecret },
      400: error("VALIDATION_ERROR"),
      403: error("FORBIDDEN (viewers)"),
      409: error("CONFLICT (already 10 endpoints)"),
    },
  },
  {
    ...base,
    method: "get",
    path: ENDPOINT,
    summary: "One webhook endpoint",
    responses: { 200: { description: "Endpoint", schema: webhookEndpoint }, 404: error("NOT_FOUND") },
  },
  {
    ...base,
    method: "patch",
    path: ENDPOINT,
    summary: "Change URL, description, event types or the enabled switch (enabling clears disabledReason)",
    body: updateWebhookInput,
    responses: {
      200: { description: "Endpoint", schema: webhookEndpoint },
      400: error("VALIDATION_ERROR"),
      403: error("FORBIDDEN (viewers)"),
      404: error("NOT_FOUND"),
    },
  },
  {
    ...base,
    method: "delete",
    path: ENDPOINT,
    summary: "Delete an endpoint and its pending deliveries",
    responses: {
      200: { description: "The deleted endpoint", schema: webhookEndpoint },
      403: error("FORBIDDEN (viewers)"),
      404: error("NOT_FOUND"),
    },
  },
  {
    ...base,
    method: "post",
    path: `${ENDPOINT}/rotate-secret`,
    summary: "New signing secret, shown once; the previous one also signs for 24 h",
    responses: {
      200: { description: "Endpoint with its new secret", schema: webhookEndpointWithSecret },
      403: error("FORBIDDEN (viewers)"),
      404: error("NOT_FOUND"),
    },
  },
  {
    ...base,
    method: "post",
    path: `${ENDPOINT}/test`,
    summary: "Queue a webhook.test event for this endpoint",
    responses: {
      202: { description: "The queued delivery", schema: webhookDelivery },
      403: error("FORBIDDEN (viewers)"),
      404: error("NOT_FOUND"),
    },
  },
  {
    ...base,
    method: "get",
    path: `${ENDPOINT}/deliveries`,
    summary: "The endpoint's delivery log, newest first (status filters)",
    query: listDeliveriesQuery,
    responses: {
      200: { description: "Page of deliveries", schema: webhookDeliveryPage },
      400: error("VALIDATION_ERROR"),
      404: error("NOT_FOUND"),
    },
  },
  {
    ...base,
    method: "post",
    path: "/api/tenants/me/webhooks/deliveries/{deliveryId}/retry",
    summary: "Send a delivery again, now",
    responses: {
      200: { description: "The delivery, pending", schema: webhookDelivery },
      403: error("FORBIDDEN (viewers)"),
      404: error("NOT_FOUND"),
    },
  },
];
