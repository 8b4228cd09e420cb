import type { Mail } from "./mailer";

export type InvitationMailInput = {
  to: string;
  workspace: string;
  role: "owner" | "admin" | "viewer";
  invitedBy: string | null;
  url: string;
  expiresAt: Date;
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** The invitation email: who invites, to which workspace and role, the link, and when it expires. */
export function invitationMail(input: InvitationMailInput): Mail {
  const who = input.invitedBy ?? "A member";
  const article = input.role === "viewer" ? "a" : "an";
  const until = input.expiresAt.toUTCString();
  const text = [
    `${who} invited you to join ${input.workspace} on Keydesk as ${article} ${input.role}.`,
    "",
    `Accept the invitation: ${input.url}`,
    "",
    `The link works once and expires on ${until}. If you did not expect it, ignore this email.`,
  ].join("\n");
  const html = `<p>${escapeHtml(who)} invited you to join <strong>${escapeHtml(input.workspace)}</strong> on Keydesk as ${article} ${input.role}.</p>
<p><a href="${escapeHtml(input.url)}">Accept the invitation</a></p>
<p>The link works once and expires on ${escapeHtml(until)}. If you did not expect it, ignore this email.</p>`;
  return { to: input.to, subject: `Join ${input.workspace} on Keydesk`, text, html };
}
