import { z } from "zod";
import { auditLogQuery, auditPage } from "@/lib/schemas/audit-log";
import {
  loginInput,
  logoutInput,
  refreshInput,
  registered,
  registerInput,
  tokenPair,
} from "@/lib/schemas/auth";
import { leakAlerts, leakResult } from "@/lib/schemas/leaks";
import { tenantWithRole, updateTenantInput } from "@/lib/schemas/tenant";
import { usageQuery, usageSeries } from "@/lib/schemas/usage";
import { verifyInput, verifyResult, whoami } from "@/lib/schemas/verify";
import { error, type Operation } from "./operation";

const ipBody = z.object({ ip: z.string() });
const healthBody = z.object({ status: z.literal("ok") });
const readyBody = z.object({ status: z.literal("ready"), database: z.enum(["pglite", "postgres"]) });

/** Verification, authentication, tenant, usage and operations routes (the rest: *-operations.ts). */
export const CORE_OPERATIONS: Operation[] = [
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
    path: "/api/tenants/me/usage",
    tag: "Tenant",
    summary:
      "Verifications by time bucket and outcome (from rollups, not raw events); format=csv downloads them as text/csv (bucket_start, interval, outcome, count)",
    auth: "accessToken",
    query: usageQuery,
    responses: {
      200: {
        description: "Counts by bucket and outcome, and totals (format=csv: a CSV attachment instead)",
        schema: usageSeries,
      },
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
