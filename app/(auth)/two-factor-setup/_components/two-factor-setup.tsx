"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import type { MfaEnrolment } from "@/lib/schemas/account";
import { totpCodeInput } from "@/lib/schemas/account";
import { confirmMfaEnrolmentAction, startMfaEnrolmentAction } from "../actions";
import { RecoveryCodes } from "./recovery-codes";

type Values = { code: string };

/** Base32 in groups of four, as apps that accept typed keys show it; spaces are ignored by them. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

/**
 * Set-up in three steps: start (a new secret), scan and confirm one code, then save the recovery
 * codes. The secret and the codes live in this component's state only, and are gone once it unmounts.
 */
export function TwoFactorSetup({ email, required }: { email: string; required: boolean }) {
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const form = useForm<Values>({ defaultValues: { code: "" }, resolver: zodFormResolver(totpCodeInput) });
  const { errors, isSubmitting } = form.formState;

  const start = () =>
    startTransition(async () => {
      const result = await startMfaEnrolmentAction(undefined).catch(() => null);
      if (result?.ok) {
        setEnrolment(result.data);
        setStartError(null);
      } else setStartError(result?.message ?? "Something went wrong on our side. Try again.");
    });

  const confirm = form.handleSubmit(async ({ code }) => {
    const result = await submitAction(form, () => confirmMfaEnrolmentAction({ code }));
    if (result.ok) {
      setEnrolment(null);
      setCodes(result.data.recoveryCodes);
    }
  });

  if (codes) return <RecoveryCodes codes={codes} next={required ? "/keys" : "/account"} />;

  if (!enrolment)
    return (
      <div className="space-y-4">
        {required ? (
          <Alert tone="warning">
            Your workspace requires two-factor authentication for every member. Set it up to continue.
          </Alert>
        ) : null}
        {startError ? <Alert tone="error">{startError}</Alert> : null}
        <ol className="list-decimal space-y-1 pl-5 text-sm text-ink-muted">
          <li>Install an authenticator app (1Password, Google Authenticator, Authy, …).</li>
          <li>Scan the QR code Keydesk shows, and enter the code the app gives you.</li>
          <li>Save your recovery codes somewhere safe.</li>
        </ol>
        <Button className="w-full" onClick={start} disabled={starting}>
          {starting ? "Preparing…" : "Set up two-factor authentication"}
        </Button>
        {required ? (
          <Button variant="ghost" className="w-full" onClick={() => void signOut({ callbackUrl: "/login" })}>
            Log out
          </Button>
        ) : (
          <Link
            href="/account"
            className="block text-center text-sm font-medium text-brand-700 hover:underline"
          >
            Not now
          </Link>
        )}
      </div>
    );

  return (
    <form onSubmit={confirm} className="space-y-5" noValidate aria-busy={isSubmitting}>
      <section className="space-y-3">
        <h2 className="text-sm font-semibold text-ink">1. Scan this QR code with your app</h2>
        {/* A data: URL made on the server (an SVG); the CSP allows data: images. */}
        {/* biome-ignore lint/performance/noImgElement: a data: URL, nothing for next/image to optimise */}
        <img
          src={enrolment.qrCode}
          alt={`QR code for adding ${email} to an authenticator app`}
          width={176}
          height={176}
          className="mx-auto rounded-lg border border-slate-200 bg-white p-2"
        />
        <p className="text-xs text-ink-muted">Cannot scan it? Enter this key in the app instead:</p>
        <div className="flex items-start gap-2">
          <code
            data-testid="totp-secret"
            className="min-w-0 flex-1 rounded-lg bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed break-words text-slate-100 select-all"
          >
            {grouped(enrolment.secret)}
          </code>
          <CopyButton value={enrolment.secret} size="sm" />
        </div>
      </section>
      <section className="space-y-3">
        <h2 className="text-sm font-semibold text-ink">2. Enter the 6-digit code it shows</h2>
        <FormAlert error={errors.root} />
        <Field label="Authentication code" error={errors.code?.message}>
          <CodeInput {...form.register("code")} />
        </Field>
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? "Checking…" : "Turn on two-factor authentication"}
        </Button>
      </section>
    </form>
  );
}
