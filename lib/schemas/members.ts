import { z } from "zod";
import { emailSchema, passwordSchema } from "./auth";
import { roleSchema } from "./tenant";

/** Requests and answers of /api/tenants/me/members, …/invitations and /api/invitations/accept. */

export const member = z.object({
  userId: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
  lastSignInAt: z.string().nullable().describe("The member's last sign-in to this workspace"),
});
export type MemberDto = z.infer<typeof member>;

export const memberList = z.object({ data: z.array(member), nextCursor: z.null() });

/** PATCH …/members/{userId}. Making someone an owner needs an owner; so does changing an owner. */
export const changeRoleInput = z.object({ role: roleSchema }).strict();
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const invitationStatus = z.enum(["pending", "accepted", "revoked", "expired"]);

export const invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: invitationStatus,
  invitedBy: z.string().nullable().describe("The inviter's email, while they have an account"),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type InvitationDto = z.infer<typeof invitation>;

export const invitationList = z.object({ data: z.array(invitation), nextCursor: z.null() });

export const inviteInput = z.object({ email: emailSchema, role: roleSchema }).strict();
export type InviteInput = z.infer<typeof inviteInput>;

/** POST …/invitations: the link is in this answer only, and only when no mail was sent. */
export const createdInvitation = invitation.extend({
  emailed: z.boolean().describe("true: the link was emailed (SMTP_URL is set) and is not in this answer"),
  inviteUrl: z
    .string()
    .nullable()
    .describe("The single-use link, shown once, when it was not emailed; Keydesk keeps only its hash"),
});
export type CreatedInvitationDto = z.infer<typeof createdInvitation>;

/** The token as it appears in the link's path: 43 base64url characters after `inv_`. */
export const invitationTokenSchema = z
  .string()
  .max(100)
  .regex(/^inv_[A-Za-z0-9_-]{43}$/, "This is not an invitation link.");

/**
 * POST /api/invitations/accept. With an access token, its user joins (the invitation's email must be
 * theirs); without one, a new account is made for the invited email with this password.
 */
export const acceptInvitationInput = z
  .object({ token: invitationTokenSchema, password: passwordSchema.optional() })
  .strict();

export const acceptedInvitation = z.object({
  tenant: z.object({ id: z.string(), name: z.string(), role: roleSchema }),
  user: z.object({ id: z.string(), email: z.string() }),
});
export type AcceptedInvitationDto = z.infer<typeof acceptedInvitation>;

/** A new account's answer: also a token pair for the workspace it joined. */
export const acceptedWithTokens = acceptedInvitation.extend({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
});

/** What the invitation page shows before anyone signs in. */
export type InvitationPreview = {
  email: string;
  role: z.infer<typeof roleSchema>;
  tenantName: string;
  accountExists: boolean;
};
