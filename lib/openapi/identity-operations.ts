import {
  createIdentityInput,
  identity,
  identityPage,
  identityUsage,
  identityUsageQuery,
  listIdentitiesQuery,
  updateIdentityInput,
} from "@/lib/schemas/identities";
import { error, type Operation } from "./operation";

/** Identities (issue 12): a tenant's customers, whose keys share named rate limits. */
export const IDENTITY_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/tenants/me/identities",
    tag: "Identities",
    summary: "List identities, newest first (externalId filters by exact match)",
    auth: "accessToken",
    query: listIdentitiesQuery,
    responses: {
      200: { description: "Page of identities", schema: identityPage },
      400: error("VALIDATION_ERROR"),
    },
  },
  {
    method: "post",
    path: "/api/tenants/me/identities",
    tag: "Identities",
    summary: "Create an identity: externalId (unique in the workspace), metadata, shared named rate limits",
    auth: "accessToken",
    body: createIdentityInput,
    responses: {
      201: { description: "Created", schema: identity },
      400: error("VALIDATION_ERROR"),
      403: error("FORBIDDEN (viewers)"),
      409: error("CONFLICT (externalId already used)"),
    },
  },
  {
    method: "get",
    path: "/api/tenants/me/identities/{id}",
    tag: "Identities",
    summary: "One identity",
    auth: "accessToken",
    responses: { 200: { description: "Identity", schema: identity }, 404: error("NOT_FOUND") },
  },
  {
    method: "patch",
    path: "/api/tenants/me/identities/{id}",
    tag: "Identities",
    summary: "Change externalId, metadata or rate limits (cached keys pick it up within a second)",
    auth: "accessToken",
    body: updateIdentityInput,
    responses: {
      200: { description: "Identity", schema: identity },
      400: error("VALIDATION_ERROR"),
      403: error("FORBIDDEN (viewers)"),
      404: error("NOT_FOUND"),
      409: error("CONFLICT (externalId already used)"),
    },
  },
  {
    method: "delete",
    path: "/api/tenants/me/identities/{id}",
    tag: "Identities",
    summary: "Delete an identity without live keys (revoked keys are unlinked)",
    auth: "accessToken",
    responses: {
      200: { description: "The deleted identity", schema: identity },
      403: error("FORBIDDEN (viewers)"),
      404: error("NOT_FOUND"),
      409: error("IDENTITY_HAS_KEYS (unlink or revoke its keys first)"),
    },
  },
  {
    method: "get",
    path: "/api/tenants/me/identities/{id}/usage",
    tag: "Identities",
    summary: "Verifications of the identity's keys by time bucket and outcome (from rollups)",
    auth: "accessToken",
    query: identityUsageQuery,
    responses: {
      200: { description: "Counts by bucket and outcome, and totals", schema: identityUsage },
      400: error("VALIDATION_ERROR"),
      404: error("NOT_FOUND"),
    },
  },
];
