"use client";

import { useQuery } from "@tanstack/react-query";
import { firstRequestAction } from "@/app/(dashboard)/onboarding/actions";

/** Step 4: polls until Keydesk has seen the key used (usage is flushed within a second). */
export function FirstRequest({ keyId }: { keyId: string }) {
  const { data } = useQuery({
    queryKey: ["first-request", keyId],
    queryFn: () => firstRequestAction(keyId),
    refetchInterval: (query) => (query.state.data?.seenAt ? false : 2_000),
  });
  if (data?.seenAt) {
    return (
      <div
        role="status"
        className="flex items-center gap-3 rounded-lg border border-emerald-200 bg-ok-soft px-4 py-3 text-emerald-900"
      >
        <span
          className="flex h-6 w-6 items-center justify-center rounded-full bg-ok text-white"
          aria-hidden="true"
        >
          ✓
        </span>
        <p className="text-sm">
          <strong>First verified request received</strong> at {new Date(data.seenAt).toLocaleTimeString()}
          {data.ip ? ` from ${data.ip}` : ""}. You are live — see it on the Usage page.
        </p>
      </div>
    );
  }
  return (
    <div
      role="status"
      className="flex items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-ink-muted"
    >
      <span className="h-3 w-3 animate-pulse rounded-full bg-brand-500" aria-hidden="true" />
      <p className="text-sm">Waiting for your first request…</p>
    </div>
  );
}
