"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { formatDate } from "@/components/keys/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { InvitationDto } from "@/lib/schemas/members";
import { revokeInvitationAction } from "../actions";

export function InvitationsList({
  invitations,
  canManage,
}: {
  invitations: InvitationDto[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const revoke = (id: string) =>
    startTransition(async () => {
      const result = await revokeInvitationAction(id, undefined).catch(() => ({
        ok: false as const,
        message: "Something went wrong; the invitation was not withdrawn.",
      }));
      setError(result.ok ? null : result.message);
      router.refresh();
    });
  if (invitations.length === 0) return <p className="text-sm text-ink-muted">No pending invitations.</p>;
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul
        className="divide-y divide-slate-100 rounded-lg border border-slate-200"
        aria-label="Pending invitations"
      >
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="truncate font-medium text-ink">{invitation.email}</p>
              <p className="text-xs text-ink-muted">
                <span className="capitalize">{invitation.role}</span> · expires{" "}
                {formatDate(invitation.expiresAt)}
              </p>
            </div>
            {canManage ? (
              <Button
                variant="secondary"
                size="sm"
                className="shrink-0"
                disabled={pending}
                onClick={() => revoke(invitation.id)}
                aria-label={`Withdraw the invitation to ${invitation.email}`}
              >
                Withdraw
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
