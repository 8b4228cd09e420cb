import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";
import { listInvitations } from "@/lib/dal/invitations";
import { listMembers } from "@/lib/dal/members";
import { getEnv } from "@/lib/env";
import { SettingsHeader } from "../_components/settings-header";
import { InvitationsList } from "./_components/invitations-list";
import { InviteForm } from "./_components/invite-form";
import { MembersList } from "./_components/members-list";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await requireContext();
  const [members, invitations] = await Promise.all([listMembers(ctx), listInvitations(ctx)]);
  const pending = invitations.filter((invitation) => invitation.status === "pending");
  const canManage = ctx.role !== "viewer";
  const emails = Boolean(getEnv().smtpUrl);
  return (
    <>
      <SettingsHeader />
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card
          title="Members"
          description="Owners manage everything, members and ownership included; admins manage keys, settings, admins and viewers; viewers only look."
        >
          <MembersList members={members} self={{ userId: ctx.userId, role: ctx.role }} />
        </Card>
        <div className="space-y-6">
          <Card
            title="Invite someone"
            description={
              emails
                ? "They get an email with a single-use link, valid for 7 days."
                : "You get a single-use link to send them, valid for 7 days. No email is sent: this deployment has no SMTP_URL."
            }
          >
            {canManage ? (
              <InviteForm canInviteOwners={ctx.role === "owner"} />
            ) : (
              <p className="text-sm text-ink-muted">Read-only access: an owner or admin can invite people.</p>
            )}
          </Card>
          <Card title="Pending invitations">
            <InvitationsList invitations={pending} canManage={canManage} />
          </Card>
        </div>
      </div>
    </>
  );
}
