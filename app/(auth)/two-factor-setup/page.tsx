import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { currentContext, currentEnrolmentContext } from "@/lib/auth/session";
import { getMfaStatus } from "@/lib/dal/mfa";
import { TwoFactorSetup } from "./_components/two-factor-setup";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

/**
 * Outside the dashboard's shell on purpose: a member whose workspace requires 2FA lands here after
 * signing in and can reach nothing else until it is on.
 */
export default async function TwoFactorSetupPage() {
  const ctx = await currentEnrolmentContext();
  if (!ctx) redirect("/login");
  const required = (await currentContext()) === null;
  const status = await getMfaStatus(ctx.userId);
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Two-factor authentication</h1>
      <p className="mt-1 mb-6 text-sm text-ink-muted">
        A code from an app on your phone, asked for after your password, so a stolen password alone cannot
        open your account.
      </p>
      {status.enabled ? (
        <div className="space-y-4">
          <Alert tone="success">Two-factor authentication is on for {ctx.email}.</Alert>
          <Link
            href="/account"
            className="block text-center text-sm font-medium text-brand-700 hover:underline"
          >
            Back to your account
          </Link>
        </div>
      ) : (
        <TwoFactorSetup email={ctx.email} required={required} />
      )}
    </>
  );
}
