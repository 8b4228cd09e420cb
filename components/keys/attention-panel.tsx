import Link from "next/link";
import type { Attention, AttentionKey, AttentionReason } from "@/lib/schemas/attention";
import { formatDateTime, relativeTime } from "./format";

type Tone = "danger" | "warn" | "muted";

/** The order is urgency: a leaked key is already revoked and its integrations are failing. */
type Reason = {
  reason: AttentionReason;
  title: string;
  tone: Tone;
  note?: string;
  when: (key: AttentionKey, now: number) => string;
};

const REASONS: Reason[] = [
  {
    reason: "leaked",
    title: "Revoked as leaked",
    tone: "danger",
    note: "GitHub secret scanning found these in public code; Keydesk revoked them and requests with them now fail. Move the affected integrations to new keys.",
    when: (key, now) => `found in public code, revoked ${relativeTime(key.at, now)}`,
  },
  {
    reason: "failure_spike",
    title: "Failure spikes",
    tone: "danger",
    when: (key, now) => `${key.detail ?? "many failed"}, ${relativeTime(key.at, now)}`,
  },
  {
    reason: "expiring",
    title: "Expiring within 7 days",
    tone: "warn",
    when: (k, now) => `expires ${relativeTime(k.at, now)}`,
  },
  {
    reason: "rotation_grace",
    title: "In rotation grace period",
    tone: "warn",
    when: (key, now) => `replaced; stops working ${relativeTime(key.at, now)}`,
  },
  {
    reason: "never_used",
    title: "Never used",
    tone: "muted",
    when: (key, now) => `created ${relativeTime(key.at, now)}, no verification since`,
  },
];

const DOT: Record<Tone, string> = { danger: "bg-danger", warn: "bg-warn", muted: "bg-slate-400" };

/**
 * "What needs attention" (issue 14), on the Keys and Usage pages: each reason with its keys, each
 * key a link to its page. Renders nothing when nothing needs attention.
 */
export function AttentionPanel({ attention, now }: { attention: Attention; now: number }) {
  const groups = REASONS.filter(({ reason }) => attention[reason].count > 0);
  if (groups.length === 0) return null;
  const total = groups.reduce((sum, { reason }) => sum + attention[reason].count, 0);
  return (
    <section
      aria-labelledby="attention-title"
      className="mb-6 rounded-card border border-amber-200 bg-white shadow-card"
      data-testid="attention"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-amber-100 bg-warn-soft/60 px-4 py-3 sm:px-6">
        <h2 id="attention-title" className="text-base font-semibold text-ink">
          Needs attention
        </h2>
        <p className="text-sm text-ink-muted">
          {total} {total === 1 ? "key" : "keys"}
        </p>
      </header>
      <div className="grid gap-x-6 gap-y-4 px-4 py-4 sm:px-6 lg:grid-cols-2">
        {groups.map(({ reason, title, tone, note, when }) => {
          const group = attention[reason];
          return (
            <div key={reason} className="min-w-0" data-reason={reason}>
              <h3 className="flex items-center gap-2 text-sm font-semibold text-ink">
                <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${DOT[tone]}`} />
                {title}
                <span className="rounded-full bg-slate-100 px-2 text-xs font-medium text-ink-muted">
                  {group.count}
                </span>
              </h3>
              {note ? <p className="mt-1 text-sm text-red-900">{note}</p> : null}
              <ul className="mt-1.5 space-y-1">
                {group.keys.map((key) => (
                  <li key={key.id} className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm">
                    <Link
                      href={`/keys/${key.id}`}
                      className="truncate font-medium text-brand-700 hover:underline"
                    >
                      {key.name}
                    </Link>
                    <span className="text-ink-muted" title={formatDateTime(key.at)}>
                      {when(key, now)}
                    </span>
                  </li>
                ))}
                {group.count > group.keys.length ? (
                  <li className="text-sm text-ink-muted">and {group.count - group.keys.length} more</li>
                ) : null}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
