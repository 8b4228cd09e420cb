"use client";

import { useRouter } from "next/navigation";
import { signIn, signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction } from "@/components/ui/form";
import type { InvitationPreview } from "@/lib/schemas/members";
import { mfaChallengeOf } from "../../../login/_components/login-errors";
import { MfaCodeStep } from "../../../login/_components/mfa-code-step";
import { acceptInvitationAction, signUpWithInvitationAction } from "../actions";

type Props = { token: string; invitation: InvitationPreview; signedInAs: string | null };

/** Signed in as the invited address: one button. Signed out: log in or sign up, then join. */
export function AcceptInvitation({ token, invitation, signedInAs }: Props) {
  if (signedInAs && signedInAs === invitation.email) return <JoinButton token={token} />;
  if (signedInAs) {
    return (
      <div className="space-y-4 text-sm">
        <Alert tone="warning">
          You are logged in as <strong className="font-semibold">{signedInAs}</strong>, but this invitation is
          for <strong className="font-semibold">{invitation.email}</strong>.
        </Alert>
        <Button
          variant="secondary"
          className="w-full"
          onClick={() => void signOut({ callbackUrl: `/invite/${token}` })}
        >
          Log out and continue as {invitation.email}
        </Button>
      </div>
    );
  }
  return <PasswordForm token={token} invitation={invitation} />;
}

function JoinButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const join = () =>
    startTransition(async () => {
      const result = await acceptInvitationAction({ token }).catch(() => ({
        ok: false as const,
        message: "Something went wrong on our side; you did not join. Try again.",
      }));
      if (!result.ok) return setError(result.message);
      router.replace("/keys");
      router.refresh();
    });
  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button className="w-full" onClick={join} disabled={pending}>
        {pending ? "Joining…" : "Join workspace"}
      </Button>
    </div>
  );
}

type Values = { password: string };

/**
 * New here: choose a password, the account is made and joined, then signed in. Already have an
 * account: log in with it, then join. Either way the email is the invitation's, not typed.
 */
function PasswordForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const router = useRouter();
  const form = useForm<Values>({ defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;
  const [leaving, setLeaving] = useState(false);
  // An existing account with 2FA on: the password step answers with a challenge for the code step.
  const [challenge, setChallenge] = useState<string | null>(null);
  const existing = invitation.accountExists;

  const joinAndEnter = async () => {
    setLeaving(true);
    if (existing) {
      const joined = await submitAction(form, () => acceptInvitationAction({ token }));
      if (!joined.ok) return setLeaving(false);
    }
    router.replace("/keys");
    router.refresh();
  };

  const submit = form.handleSubmit(async (values) => {
    if (!existing) {
      const created = await submitAction(form, () => signUpWithInvitationAction({ token, ...values }));
      if (!created.ok) return;
    }
    const login = await signIn("credentials", { email: invitation.email, ...values, redirect: false });
    const pending = existing ? mfaChallengeOf(login?.error) : null;
    if (pending) return setChallenge(pending);
    if (!login?.ok || login.error) {
      const message = existing
        ? login?.error?.startsWith("RATE_LIMITED")
          ? "Too many failed attempts. For your security, logins are paused; try again later."
          : "Incorrect password."
        : "Your account was created and joined the workspace, but we could not log you in. Please log in.";
      form.setError(existing ? "password" : "root", { type: "signin", message });
      return;
    }
    await joinAndEnter();
  });

  if (challenge)
    return (
      <div className="space-y-4">
        <MfaCodeStep
          challenge={challenge}
          onDone={() => {
            setChallenge(null);
            void joinAndEnter();
          }}
          onExpired={(message) => {
            setChallenge(null);
            form.setValue("password", "");
            form.setError("root", { type: "signin", message });
          }}
        />
      </div>
    );

  const busy = isSubmitting || leaving;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-busy={busy}>
      <FormAlert error={errors.root} />
      <Field label="Email">
        <Input type="email" value={invitation.email} readOnly autoComplete="username" />
      </Field>
      <Field
        label={existing ? "Your password" : "Choose a password"}
        hint={existing ? "You already have a Keydesk account: log in to join." : "At least 10 characters."}
        error={errors.password?.message}
      >
        <Input
          type="password"
          autoComplete={existing ? "current-password" : "new-password"}
          required
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Joining…" : existing ? "Log in and join" : "Create account and join"}
      </Button>
    </form>
  );
}
