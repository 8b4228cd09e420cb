"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SecurityPolicy } from "@/lib/schemas/account";
import { updateSecurityPolicyAction } from "../actions";

function membersNote(policy: SecurityPolicy): string {
  const n = policy.membersWithoutMfa;
  if (n === 0) return "Every member has two-factor authentication on.";
  const who = `${n} member${n === 1 ? " has" : "s have"} not turned it on yet`;
  return policy.requireMfa
    ? `${who}; they are asked to set it up before they can do anything else.`
    : `${who}.`;
}

/**
 * The workspace's sign-in policy. Only owners change it, and only with their own 2FA on (the
 * server checks both; the form explains instead of failing).
 */
export function SecurityPolicyForm({
  policy: initial,
  isOwner,
  ownerHasMfa,
}: {
  policy: SecurityPolicy;
  isOwner: boolean;
  ownerHasMfa: boolean;
}) {
  const [policy, setPolicy] = useState(initial);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const canTurnOn = isOwner && ownerHasMfa;
  const save = (requireMfa: boolean) =>
    startTransition(async () => {
      const result = await updateSecurityPolicyAction({ requireMfa }).catch(() => null);
      if (!result?.ok) {
        setMessage({ tone: "error", text: result?.message ?? "Something went wrong; nothing was changed." });
        return;
      }
      setPolicy(result.data);
      setMessage({
        tone: "success",
        text: requireMfa
          ? "Two-factor authentication is now required."
          : "Two-factor authentication is optional again.",
      });
    });
  return (
    <div className="space-y-4 text-sm">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <p className="flex flex-wrap items-center gap-2 text-ink">
        <span
          data-testid="mfa-policy"
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${policy.requireMfa ? "bg-ok-soft text-emerald-800" : "bg-slate-100 text-ink-muted"}`}
        >
          {policy.requireMfa ? "Required" : "Optional"}
        </span>
        {membersNote(policy)}
      </p>
      {!isOwner ? (
        <p className="text-ink-muted">Only an owner can change this.</p>
      ) : policy.requireMfa ? (
        <Button variant="secondary" disabled={pending} onClick={() => save(false)}>
          {pending ? "Saving…" : "Stop requiring two-factor authentication"}
        </Button>
      ) : (
        <div className="space-y-2">
          <Button disabled={pending || !canTurnOn} onClick={() => save(true)}>
            {pending ? "Saving…" : "Require two-factor authentication"}
          </Button>
          {canTurnOn ? null : (
            <p className="text-xs text-ink-muted">
              Turn it on for your own account first, on the{" "}
              <Link href="/account" className="font-medium text-brand-700 hover:underline">
                Account
              </Link>{" "}
              page.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
