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
import { error, type Operation } from "./operation";

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

/** Issue 11's members and invitations. */
export const MEMBER_OPERATIONS: Operation[] = [
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
];
