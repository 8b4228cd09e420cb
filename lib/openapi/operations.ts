import { z } from "zod";
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
import { auditLogQuery, auditPage } from "@/lib/schemas/audit-log";
import {
  loginInput,
  logoutInput,
  refreshInput,
  registered,
  registerInput,
  tokenPair,
} from "@/lib/schemas/auth";
import { errorEnvelope } from "@/lib/schemas/errors";
import { leakAlerts, leakResult } from "@/lib/schemas/leaks";
import {
  acceptedInvitation,
  acceptedWithTokens,
  acceptInvitationInput,
  changeRoleInput,
  createdInvitation,
  invitation,
  invitationList,
  inviteInput,
  member,
  memberList,
} from "@/lib/schemas/members";
import { createdSigningSecret, signingSecret, signingSecretList } from "@/lib/schemas/signing-secrets";
import { tenantWithRole, updateTenantInput } from "@/lib/schemas/tenant";
import { usageQuery, usageSeries } from "@/lib/schemas/usage";
import { verifyInput, verifyResult, whoami } from "@/lib/schemas/verify";

type Schema = z.ZodType;
export type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  tag:
    | "Verification"
    | "Authentication"
    | "Account"
    | "Tenant"
    | "Members"
    | "API keys"
    | "Identities"
    | "Webhooks"
    | "Operations";
  summary: string;
  auth: "none" | "accessToken" | "apiKey";
  body?: Schema;
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: Schema }>;
  /** A request to show on the API reference page. */
  example?: string;
};

const error = (description: string) => ({ description, schema: errorEnvelope });
const ipBody = z.object({ ip: z.string() });
const healthBody = z.object({ status: z.literal("ok") });
const readyBody = z.object({ status: z.literal("ready"), database: z.enum(["pglite", "postgres"]) });

/** POST …/invitations and its alias POST …/members: one handler, one description. */
const inviting = {
  method: "post",
  tag: "Members",
  auth: "accessToken",
  body: inviteInput,
  responses: {
    201: { description: "The invitation; the link only when it was not emailed", schema: createdInvitation },
    400: error("VALIDATION_ERROR"),
    403: error("FORBIDDEN (viewers; admins cannot invite owners)"),
    409: error("CONFLICT (already a member)"),
    503: error("SERVICE_UNAVAILABLE (the email could not be sent; the invitation was withdrawn)"),
  },
} as const satisfies Omit<Operation, "path" | "summary">;

/** Every documented route, with the zod schemas its handler validates with and answers in. */
export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/whoami",
    tag: "Verification",
    summary:
      "Identify the key behind X-API-Key or Authorization: Bearer (secret key, signed key or ES256 JWT)",
    auth: "apiKey",
    responses: {
      200: { description: "The key", schema: whoami },
      400: error("KEY_IN_QUERY, INVALID_REQUEST (two different credentials)"),
      401: error(
        "MISSING_CREDENTIALS, INVALID_API_KEY, INVALID_TOKEN, INVALID_SIGNATURE, API_KEY_EXPIRED, TOKEN_EXPIRED, TOKEN_NOT_YET_VALID, TOKEN_LIFETIME_TOO_LONG, TOKEN_REPLAYED",
      ),
      403: error("IP_NOT_ALLOWED"),
      429: error(
        "RATE_LIMITED (Retry-After); USAGE_EXCEEDED: the key's credits cannot cover 1 (Retry-After only when a refill is scheduled; details {remaining, cost, nextRefillAt})",
      ),
    },
  },
  {
    method: "post",
    path: "/api/v1/verify",
    tag: "Verification",
    summary: "For gateways: is this key or token good for these scopes, this environment, this client IP?",
    auth: "none",
    body: verifyInput,
    example: `curl -X POST $KEYDESK_URL/api/v1/verify -H 'Content-Type: application/json' \\
  -d '{"key": "ak_live_…", "scopes": ["orders:read"], "cost": 1}'`,
    responses: {
      200: {
        description:
          "Always 200 for a well-formed request; a key whose credits cannot cover `cost` is valid:false with code USAGE_EXCEEDED",
        schema: verifyResult,
      },
      400: error("VALIDATION_ERROR, INVALID_JSON, KEY_IN_QUERY (a malformed request)"),
      429: error(
        "RATE_LIMITED (Retry-After): this address spent its budget of look-ups of unknown credentials",
      ),
    },
  },
  {
    method: "post",
    path: "/api/v1/leaks",
    tag: "Verification",
    summary:
      "GitHub secret-scanning partner alerts (signed with Github-Public-Key-Signature); matching keys are revoked as leaked",
    auth: "none",
    body: leakAlerts,
    responses: {
      200: { description: "Counts of received, matched and revoked tokens", schema: leakResult },
      401: error("INVALID_SIGNATURE"),
    },
  },
  {
    method: "get",
    path: "/api/v1/ip",
    tag: "Verification",
    summary: "The address Keydesk sees for you (the one IP allowlists check)",
    auth: "none",
    responses: { 200: { description: "The caller's address", schema: ipBody } },
  },
  {
    method: "post",
    path: "/api/auth/register",
    tag: "Authentication",
    summary: "Create a tenant and its owner",
    auth: "none",
    body: registerInput,
    responses: {
      201: { description: "Created", schema: registered },
      400: error("VALIDATION_ERROR"),
      409: error("EMAIL_TAKEN"),
    },
  },
  {
    method: "post",
    path: "/api/auth/login",
    tag: "Authentication",
    summary:
      "Exchange email and password for an access/refresh token pair for a workspace (tenantId, else the one used last)",
    auth: "none",
    body: loginInput,
    responses: {
      200: { description: "Token pair", schema: tokenPair },
      401: error(
        "INVALID_CREDENTIALS, or MFA_REQUIRED: 2FA is on; `details` carries the `challenge` for POST /api/auth/login/mfa and `expiresIn`",
      ),
      403: error(
        "FORBIDDEN (the password was right, but the account is not a member of that workspace), or MFA_ENROLMENT_REQUIRED: the workspace requires 2FA; set it up in the dashboard",
      ),
      429: error("RATE_LIMITED"),
    },
  },
  {
    method: "post",
    path: "/api/auth/refresh",
    tag: "Authentication",
    summary: "Rotate the refresh token; re-use of a spent one revokes its whole family",
    auth: "none",
    body: refreshInput,
    responses: {
      200: { description: "Token pair", schema: tokenPair },
      401: error("INVALID_REFRESH_TOKEN"),
    },
  },
  {
    method: "post",
    path: "/api/auth/logout",
    tag: "Authentication",
    summary: "End the session (refresh token in the body, or the access token)",
    auth: "none",
    body: logoutInput,
    responses: { 204: { description: "Logged out" } },
  },
  {
    method: "get",
    path: "/api/tenants/me",
    tag: "Tenant",
    summary: "Your tenant and role",
    auth: "accessToken",
    responses: { 200: { description: "Tenant", schema: tenantWithRole }, 401: error("UNAUTHORIZED") },
  },
  {
    method: "patch",
    path: "/api/tenants/me",
    tag: "Tenant",
    summary: "Change name, rate limit (null: no tenant limit) or maximum token lifetime",
    auth: "accessToken",
    body: updateTenantInput,
    responses: {
      200: { description: "Tenant", schema: tenantWithRole },
      400: error("VALIDATION_ERROR"),
      403: error("FORBIDDEN"),
    },
  },
  {
    method: "get",
    path: "/api/tenants/me/members",
    tag: "Members",
    summary: "Members of your workspace with role, joined date and last sign-in",
    auth: "accessToken",
    responses: { 200: { description: "Every member", schema: memberList }, 401: error("UNAUTHORIZED") },
  },
  {
    ...inviting,
    path: "/api/tenants/me/members",
    summary: "Add a member: invites them (same as POST /api/tenants/me/invitations)",
  },
  {
    method: "patch",
    path: "/api/tenants/me/members/{userId}",
    tag: "Members",
    summary: "Change a member's role; their sessions and access tokens in this workspace end",
    auth: "accessToken",
    body: changeRoleInput,
    responses: {
      200: { description: "The member", schema: member },
      400: error("VALIDATION_ERROR"),
      403: error("FORBIDDEN (viewers; only owners change owners or make them)"),
      404: error("NOT_FOUND"),
      409: error("CONFLICT (the last owner cannot be demoted)"),
    },
  },
  {
    method: "delete",
    path: "/api/tenants/me/members/{userId}",
    tag: "Members",
    summary: "Remove a member (your own id: leave); their sessions and access tokens in this workspace end",
    auth: "accessToken",
    responses: {
      200: { description: "The member removed", schema: member },
      403: error("FORBIDDEN"),
      404: error("NOT_FOUND"),
      409: error("CONFLICT (the last owner cannot leave)"),
    },
  },
  {
    method: "post",
    path: "/api/tenants/me/members/{userId}/transfer-ownership",
    tag: "Members",
    summary: "Owners only: the member becomes an owner, and you an admin",
    auth: "accessToken",
    responses: {
      200: { description: "The new owner", schema: member },
      403: error("FORBIDDEN"),
      404: error("NOT_FOUND"),
      409: error("CONFLICT"),
    },
  },
  {
    method: "get",
    path: "/api/tenants/me/invitations",
    tag: "Members",
    summary: "Invitations of your workspace, newest first (never their links)",
    auth: "accessToken",
    responses: { 200: { description: "The last 100 invitations", schema: invitationList } },
  },
  {
    ...inviting,
    path: "/api/tenants/me/invitations",
    summary:
      "Invite by email and role: a single-use link valid 7 days, emailed when SMTP_URL is set, else returned once",
  },
  {
    method: "delete",
    path: "/api/tenants/me/invitations/{id}",
    tag: "Members",
    summary: "Withdraw a pending invitation; its link stops working",
    auth: "accessToken",
    responses: {
      200: { description: "The revoked invitation", schema: invitation },
      403: error("FORBIDDEN"),
      404: error("NOT_FOUND"),
      409: error("CONFLICT (no longer pending)"),
    },
  },
  {
    method: "post",
    path: "/api/invitations/accept",
    tag: "Members",
    summary:
      "Accept an invitation: with an access token its user joins; without one, a new account is made for the invited email",
    auth: "none",
    body: acceptInvitationInput,
    responses: {
      200: { description: "Joined (with an access token)", schema: acceptedInvitation },
      201: {
        description: "A new account, joined, with a token pair for the workspace",
        schema: acceptedWithTokens,
      },
      400: error("VALIDATION_ERROR"),
      401: error("UNAUTHORIZED (a bad access token)"),
      403: error("FORBIDDEN (the invitation names another email)"),
      409: error("CONFLICT (already a member), EMAIL_TAKEN (log in and send your access token)"),
      410: error("INVITATION_INVALID (unknown, used, withdrawn or expired)"),
      429: error("RATE_LIMITED (sign-ups from this address)"),
    },
  },
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
    path: "/api/tenants/me/usage",
    tag: "Tenant",
    summary: "Verifications by time bucket and outcome (from rollups, not raw events)",
    auth: "accessToken",
    query: usageQuery,
    responses: {
      200: { description: "Counts by bucket and outcome, and totals", schema: usageSeries },
      400: error("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/tenants/me/audit-log",
    tag: "Tenant",
    summary: "Audit events, newest first",
    auth: "accessToken",
    query: auditLogQuery,
    responses: { 200: { description: "Page of events", schema: auditPage } },
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
  {
    method: "get",
    path: "/api/health",
    tag: "Operations",
    summary: "Liveness: the process answers (never touches the database)",
    auth: "none",
    responses: { 200: { description: "{status: ok}", schema: healthBody } },
  },
  {
    method: "get",
    path: "/api/ready",
    tag: "Operations",
    summary: "Readiness: the database answers and the instance is not shutting down",
    auth: "none",
    responses: {
      200: { description: "{status: ready, database}", schema: readyBody },
      503: error("SERVICE_UNAVAILABLE"),
    },
  },
  {
    method: "get",
    path: "/api/metrics",
    tag: "Operations",
    summary: "Prometheus metrics (text format); Authorization: Bearer <METRICS_TOKEN> when one is set",
    auth: "none",
    responses: { 200: { description: "Prometheus text exposition format" }, 401: error("UNAUTHORIZED") },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Operations",
    summary: "This document",
    auth: "none",
    responses: { 200: { description: "OpenAPI 3.1" } },
  },
];
