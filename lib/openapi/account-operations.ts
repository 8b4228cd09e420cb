import { z } from "zod";
import {
  accountSessionList,
  changePasswordInput,
  loginMfaInput,
  mfaCodeInput,
  mfaEnrolment,
  mfaStatus,
  recoveryCodes,
  securityPolicy,
  totpCodeInput,
  updateSecurityPolicyInput,
} from "@/lib/schemas/account";
import { tokenPair } from "@/lib/schemas/auth";
import { error, type Operation } from "./operation";

const noContent = (description: string) => ({ description });
const refusedByPolicy = error("MFA_ENROLMENT_REQUIRED: the workspace requires 2FA and it is not on");

/** Account security: the second login step, the caller's own 2FA, password and sessions. */
export const ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/auth/login/mfa",
    tag: "Authentication",
    summary:
      "Finish a login that answered MFA_REQUIRED: its challenge (single use, 5 minutes) and a code from the authenticator app or a recovery code",
    auth: "none",
    body: loginMfaInput,
    responses: {
      200: { description: "Token pair", schema: tokenPair },
      400: error("VALIDATION_ERROR"),
      401: error("INVALID_MFA_CODE (wrong or already used; try again), INVALID_MFA_CHALLENGE (log in again)"),
      429: error("RATE_LIMITED: too many wrong codes (Retry-After)"),
    },
  },
  {
    method: "get",
    path: "/api/account/mfa",
    tag: "Account",
    summary: "Whether two-factor sign-in is on, and how many recovery codes are left",
    auth: "accessToken",
    responses: { 200: { description: "Status", schema: mfaStatus }, 401: error("UNAUTHORIZED") },
  },
  {
    method: "post",
    path: "/api/account/mfa/enrolment",
    tag: "Account",
    summary: "Start setting up 2FA: a new TOTP secret, its otpauth URI and QR code (returned this once)",
    auth: "accessToken",
    responses: {
      201: { description: "The secret, shown once", schema: mfaEnrolment },
      409: error("CONFLICT: 2FA is already on"),
    },
  },
  {
    method: "post",
    path: "/api/account/mfa/enrolment/confirm",
    tag: "Account",
    summary: "Turn 2FA on with a code from the app; answers the 10 recovery codes, once",
    auth: "accessToken",
    body: totpCodeInput,
    responses: {
      200: { description: "Recovery codes, shown once", schema: recoveryCodes },
      400: error("VALIDATION_ERROR: the code is wrong or already used (details.fields names `code`)"),
      409: error("CONFLICT: no set-up under way"),
      429: error("RATE_LIMITED"),
    },
  },
  {
    method: "post",
    path: "/api/account/mfa/disable",
    tag: "Account",
    summary: "Turn 2FA off with a code from the app or a recovery code",
    auth: "accessToken",
    body: mfaCodeInput,
    responses: {
      204: noContent("Off; the recovery codes are deleted"),
      400: error("VALIDATION_ERROR: the code is wrong or already used"),
      403: error("FORBIDDEN: a workspace you belong to requires 2FA"),
      409: error("CONFLICT: 2FA is not on"),
      429: error("RATE_LIMITED"),
    },
  },
  {
    method: "post",
    path: "/api/account/password",
    tag: "Account",
    summary: "Change your password; every other session and refresh-token family of yours ends",
    auth: "accessToken",
    body: changePasswordInput,
    responses: {
      200: {
        description: "Changed",
        schema: z.object({ sessionsEnded: z.number().int().describe("Other sessions signed out") }),
      },
      400: error("VALIDATION_ERROR (currentPassword is wrong, or newPassword is too short)"),
      429: error("RATE_LIMITED: too many wrong current passwords"),
    },
  },
  {
    method: "get",
    path: "/api/account/sessions",
    tag: "Account",
    summary: "Your live sessions: dashboard browsers and API logins, with address and last activity",
    auth: "accessToken",
    responses: { 200: { description: "Your sessions", schema: accountSessionList }, 403: refusedByPolicy },
  },
  {
    method: "delete",
    path: "/api/account/sessions",
    tag: "Account",
    summary: "Sign out everywhere: every session of yours ends, this one included",
    auth: "accessToken",
    responses: { 204: noContent("Signed out everywhere") },
  },
  {
    method: "delete",
    path: "/api/account/sessions/{id}",
    tag: "Account",
    summary: "Sign out one of your sessions (its cookie, or its access and refresh tokens)",
    auth: "accessToken",
    responses: { 204: noContent("Signed out"), 404: error("NOT_FOUND (not a live session of yours)") },
  },
  {
    method: "get",
    path: "/api/tenants/me/security-policy",
    tag: "Tenant",
    summary: "Whether the workspace requires 2FA of every member, and how many have not set it up",
    auth: "accessToken",
    responses: { 200: { description: "Policy", schema: securityPolicy } },
  },
  {
    method: "patch",
    path: "/api/tenants/me/security-policy",
    tag: "Tenant",
    summary: "Require 2FA of every member (owners only; your own 2FA must be on to turn it on)",
    auth: "accessToken",
    body: updateSecurityPolicyInput,
    responses: {
      200: { description: "Policy", schema: securityPolicy },
      403: error("FORBIDDEN: not an owner"),
      409: error("CONFLICT: your own 2FA is not on"),
    },
  },
];
