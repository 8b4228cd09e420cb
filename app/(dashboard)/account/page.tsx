import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";
import { listAccountSessions } from "@/lib/dal/account-sessions";
import { getMfaStatus } from "@/lib/dal/mfa";
import { logOutEverywhereAction } from "../session-actions";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SessionList } from "./_components/session-list";
import { TwoFactorCard } from "./_components/two-factor-card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const ctx = await requireContext();
  const [mfa, sessions] = await Promise.all([getMfaStatus(ctx.userId), listAccountSessions(ctx)]);
  return (
    <>
      <PageHeader
        title="Account"
        description={`How ${ctx.email} signs in: password, two-factor authentication and the sessions that are open.`}
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card
          title="Two-factor authentication"
          description="After your password, a code from an authenticator app on your phone."
        >
          <TwoFactorCard status={mfa} />
        </Card>
        <Card title="Password" description="Changing it signs you out of every other browser and API token.">
          <ChangePasswordForm />
        </Card>
      </div>
      <div className="mt-6">
        <Card
          title="Sessions"
          description="Where you are signed in: dashboard browsers and API logins (their refresh tokens)."
        >
          <SessionList sessions={sessions} now={Date.now()} signOutEverywhere={logOutEverywhereAction} />
        </Card>
      </div>
    </>
  );
}
