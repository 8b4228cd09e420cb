"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/dashboard/fetch-json";
import type { KeyRowData } from "@/components/keys/key-row";

/** Step 4: polls the key (a GET, never queued behind actions) until Keydesk has seen it used. */
export function FirstRequest({ keyId }: { keyId: string }) {
  const { data } = useQuery({
    queryKey: ["key", keyId],
    queryFn: ({ signal }) =>
      fetchJson<KeyRowData>(`/api/dashboard/keys/${encodeURIComponent(keyId)}`, signal),
    refetchInterval: (query) => (query.state.data?.lastUsedAt ? false : 2_000),
  });
  if (data?.lastUsedAt) {
    return (
      <div
        role="status"
        className="flex items-center gap-3 rounded-lg border border-emerald-200 bg-ok-soft px-4 py-3 text-emerald-900"
      >
        <span
          className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-ok text-white"
          aria-hidden="true"
        >
          ✓
        </span>
        <p className="text-sm">
          <strong>First verified request received</strong> at {new Date(data.lastUsedAt).toLocaleTimeString()}
          {data.lastUsedIp ? ` from ${data.lastUsedIp}` : ""}. You are live — see it on the Usage page.
        </p>
      </div>
    );
  }
  return (
    <div
      role="status"
      className="flex items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-ink-muted"
    >
      <span className="h-3 w-3 shrink-0 animate-pulse rounded-full bg-brand-500" aria-hidden="true" />
      <p className="text-sm">Waiting for your first request…</p>
    </div>
  );
}
