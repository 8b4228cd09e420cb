import {
  apiKey,
  createdKey,
  createKeyInput,
  keyPage,
  listKeysQuery,
  revokeKeyInput,
  rotateKeyInput,
  updateKeyInput,
} from "@/lib/schemas/api-keys";
import { createdSigningSecret, signingSecret, signingSecretList } from "@/lib/schemas/signing-secrets";
import { error, type Operation } from "./operation";

/** API keys and the signing secrets of signed keys (credits: credit-operations.ts). */
export const KEY_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/tenants/me/api-keys",
    tag: "API keys",
    summary: "List keys, newest first",
    auth: "accessToken",
    query: listKeysQuery,
    responses: { 200: { description: "Page of keys", schema: keyPage } },
  },
  {
    method: "post",
    path: "/api/tenants/me/api-keys",
    tag: "API keys",
    summary:
      "Create a key (the secret is in this response only); identityId or externalId links it to an identity (an unknown externalId creates one)",
    auth: "accessToken",
    body: createKeyInput,
    responses: {
      201: { description: "Created", schema: createdKey },
      400: error("VALIDATION_ERROR, INVALID_KEY_FORMAT"),
      403: error("FORBIDDEN"),
    },
  },
  {
    method: "get",
    path: "/api/tenants/me/api-keys/{id}",
    tag: "API keys",
    summary: "One key",
    auth: "accessToken",
    responses: { 200: { description: "Key", schema: apiKey }, 404: error("NOT_FOUND") },
  },
  {
    method: "patch",
    path: "/api/tenants/me/api-keys/{id}",
    tag: "API keys",
    summary: "Edit a key's settings",
    auth: "accessToken",
    body: updateKeyInput,
    responses: {
      200: { description: "Key", schema: apiKey },
      404: error("NOT_FOUND"),
      409: error("CONFLICT (revoked)"),
    },
  },
  {
    method: "delete",
    path: "/api/tenants/me/api-keys/{id}",
    tag: "API keys",
    summary: "Revoke a key, with an optional reason",
    auth: "accessToken",
    body: revokeKeyInput,
    responses: { 200: { description: "The revoked key", schema: apiKey }, 404: error("NOT_FOUND") },
  },
  {
    method: "post",
    path: "/api/tenants/me/api-keys/{id}/rotate",
    tag: "API keys",
    summary: "Rotate: a new key with the same settings; the old one expires after the grace period",
    auth: "accessToken",
    body: rotateKeyInput,
    responses: { 201: { description: "The new key", schema: createdKey }, 409: error("CONFLICT") },
  },
  {
    method: "get",
    path: "/api/tenants/me/signing-secrets",
    tag: "API keys",
    summary: "Signing secrets for signed keys (hints only, never the secrets)",
    auth: "accessToken",
    responses: { 200: { description: "Hints, never the secrets", schema: signingSecretList } },
  },
  {
    method: "post",
    path: "/api/tenants/me/signing-secrets",
    tag: "API keys",
    summary: "Add a signing secret; it signs new keys from now on (returned once)",
    auth: "accessToken",
    responses: {
      201: { description: "The new secret, returned once", schema: createdSigningSecret },
      403: error("FORBIDDEN"),
    },
  },
  {
    method: "delete",
    path: "/api/tenants/me/signing-secrets/{id}",
    tag: "API keys",
    summary: "Retire a signing secret (the last active one cannot be retired)",
    auth: "accessToken",
    responses: {
      200: { description: "The retired secret", schema: signingSecret },
      404: error("NOT_FOUND"),
      409: error("CONFLICT"),
    },
  },
];
