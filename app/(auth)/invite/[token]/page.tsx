import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { currentContext } from "@/lib/auth/session";
import { previewInvitation } from "@/lib/dal/accept-invitation";
import { AppError } from "@/lib/errors/app-error";
import { type InvitationPreview, invitationTokenSchema } from "@/lib/schemas/members";
import { AcceptInvitation } from "./_components/accept-invitation";

// The path holds a credential: keep it out of search engines (Referrer-Policy already keeps it
// out of other sites' logs).
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

async function preview(token: string): Promise<InvitationPreview | string> {
  if (!invitationTokenSchema.safeParse(token).success)
    return "This invitation link is not valid. Check that you copied all of it.";
  try {
    return await previewInvitation(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVITATION_INVALID") return error.message;
    throw error;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, ctx] = await Promise.all([preview(token), currentContext()]);
  if (typeof invitation === "string") {
    return (
      <>
        <h1 className="text-xl font-semibold text-ink">Invitation</h1>
        <div className="mt-4">
          <Alert tone="error">{invitation}</Alert>
        </div>
        <p className="mt-6 text-center text-sm text-ink-muted">
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            Log in
          </Link>
        </p>
      </>
    );
  }
  const article = invitation.role === "viewer" ? "a" : "an";
  return (
    <>
      <h1 className="text-xl font-semibold break-words text-ink">Join {invitation.tenantName}</h1>
      <p className="mt-1 mb-6 text-sm text-ink-muted">
        You are invited to join as {article}{" "}
        <strong className="font-medium text-ink">{invitation.role}</strong>
        {invitation.role === "viewer" ? ": you will see keys and usage, without changing them." : "."}
      </p>
      <AcceptInvitation token={token} invitation={invitation} signedInAs={ctx?.email ?? null} />
    </>
  );
}
