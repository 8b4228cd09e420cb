"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { formatDateTime, relativeTime } from "@/components/keys/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AccountSession } from "@/lib/schemas/account";
import { endSessionAction } from "../actions";
import { describeUserAgent } from "./user-agent";

function SessionRow({
  session,
  now,
  onEnd,
  pending,
}: {
  session: AccountSession;
  now: number;
  onEnd: (id: string) => void;
  pending: boolean;
}) {
  const client = session.kind === "api" ? "API login" : describeUserAgent(session.userAgent);
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 font-medium text-ink">
          {client}
          {session.current ? (
            <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-200">
              This session
            </span>
          ) : null}
          {session.kind === "api" && session.userAgent ? (
            <span className="truncate text-xs font-normal text-ink-faint">
              {describeUserAgent(session.userAgent)}
            </span>
          ) : null}
        </p>
        <p className="mt-0.5 text-xs break-words text-ink-muted">
          <span className="font-mono">{session.ip ?? "address unknown"}</span> · last seen{" "}
          <span title={formatDateTime(session.lastSeenAt)}>{relativeTime(session.lastSeenAt, now)}</span> ·
          signed in {formatDateTime(session.createdAt)}
        </p>
      </div>
      {session.current ? null : (
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => onEnd(session.id)}>
          Sign out
        </Button>
      )}
    </li>
  );
}

/** `signOutEverywhere` is the layout's "log out everywhere" action, passed in by the page. */
export function SessionList({
  sessions,
  now,
  signOutEverywhere,
}: {
  sessions: AccountSession[];
  now: number;
  signOutEverywhere: (input: undefined) => Promise<unknown>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const end = (id: string) =>
    startTransition(async () => {
      const result = await endSessionAction(id, undefined).catch(() => ({
        ok: false as const,
        message: "Something went wrong; the session was not signed out.",
      }));
      setError(result.ok ? null : result.message);
      router.refresh();
    });
  const everywhere = () =>
    startTransition(async () => {
      await signOutEverywhere(undefined);
      await signOut({ callbackUrl: "/login" });
    });
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul aria-label="Sessions" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} now={now} onEnd={end} pending={pending} />
        ))}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-ink-muted">
          {others === 0
            ? "No other session is open."
            : `${others} other session${others === 1 ? "" : "s"} open.`}
        </p>
        <Button variant="danger" disabled={pending} onClick={everywhere}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      </div>
    </div>
  );
}
