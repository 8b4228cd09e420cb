import "server-only";
import type { TenantContext } from "@/lib/dal/context";
import { createInvitation, revokeInvitation } from "@/lib/dal/invitations";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { invitationMail } from "@/lib/mail/invitation-mail";
import { getMailer } from "@/lib/mail/mailer";
import type { CreatedInvitationDto, InviteInput } from "@/lib/schemas/members";

/** The page that accepts an invitation; the token is in the path, never in a query string. */
export function invitationUrl(token: string): string {
  return `${getEnv().appUrl}/invite/${token}`;
}

/**
 * Invites someone, for the REST API and the dashboard alike. With SMTP_URL the link is emailed and
 * appears nowhere else; without it, it is answered here, once, for the inviter to pass on. A mail
 * that cannot be sent leaves no working link behind: the invitation is revoked and the caller told.
 */
export async function inviteMember(ctx: TenantContext, input: InviteInput): Promise<CreatedInvitationDto> {
  const { token, invitation, tenantName } = await createInvitation(ctx, input);
  const url = invitationUrl(token);
  const mailer = getMailer();
  if (!mailer) return { ...invitation, emailed: false, inviteUrl: url };
  try {
    await mailer.send(
      invitationMail({
        to: invitation.email,
        workspace: tenantName,
        role: invitation.role,
        invitedBy: invitation.invitedBy,
        url,
        expiresAt: new Date(invitation.expiresAt),
      }),
    );
  } catch (error) {
    // The failure's kind only: an SMTP server's message can quote the recipient or the link.
    const code = (error as { code?: unknown }).code;
    log.warn("invitation email not sent", {
      invitationId: invitation.id,
      errorName: error instanceof Error ? error.name : typeof error,
      code: typeof code === "string" ? code : undefined,
    });
    await revokeInvitation(ctx, invitation.id, "mail_failed");
    throw new AppError(
      "SERVICE_UNAVAILABLE",
      "The invitation email could not be sent, so the invitation was withdrawn. Try again shortly.",
      undefined,
      { "Retry-After": "5" },
    );
  }
  return { ...invitation, emailed: true, inviteUrl: null };
}
