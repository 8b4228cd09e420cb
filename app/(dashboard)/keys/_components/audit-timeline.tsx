import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime, relativeTime } from "@/components/keys/format";
import type { AuditEventDto } from "@/lib/schemas/audit-log";

const LABELS: Record<string, string> = {
  "api_key.created": "Created",
  "api_key.updated": "Settings changed",
  "api_key.rotated": "Rotated",
  "api_key.revoked": "Revoked",
  "api_key.credits_changed": "Credits changed",
};

const FIELD_NAMES: Record<string, string> = {
  name: "name",
  description: "description",
  scopes: "scopes",
  ipAllowlist: "IP allowlist",
  expiresAt: "expiry",
  metadata: "metadata",
  rateLimitPerMinute: "rate limit",
  credits: "credits",
};

function actorLabel(actor: AuditEventDto["actor"], currentUserId: string): string {
  if (actor.type === "system") return "Keydesk";
  // A token actor's id names the API session, not the person, so it is not matched against the user.
  if (actor.type === "token") return "Management API (access token)";
  return actor.id === currentUserId ? "You, in the dashboard" : "A teammate, in the dashboard";
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** What happened, from the event's details: which fields, why, which key replaced this one. */
function summary(event: AuditEventDto, keyId: string): ReactNode {
  const d = event.details;
  if (event.action === "api_key.updated" && Array.isArray(d.changed))
    return `: ${d.changed.map((field) => FIELD_NAMES[String(field)] ?? String(field)).join(", ")}`;
  if (event.action === "api_key.credits_changed" && typeof d.after === "number") {
    const before = typeof d.before === "number" ? d.before.toLocaleString("en") : "unlimited";
    return `: ${before} → ${d.after.toLocaleString("en")}`;
  }
  if (event.action === "api_key.revoked") {
    const where = text(d.url) ?? text(d.source);
    return ` — ${text(d.reason) ?? "no reason given"}${where ? ` (reported at ${where})` : ""}`;
  }
  if (event.action === "api_key.rotated") {
    const other = event.target?.id === keyId ? text(d.newKeyId) : event.target?.id;
    if (!other) return null;
    return (
      <>
        {event.target?.id === keyId ? " → " : ", replacing "}
        <Link href={`/keys/${other}`} className="font-mono text-xs text-brand-700 hover:underline">
          {other}
        </Link>
      </>
    );
  }
  return null;
}

export function AuditTimeline({
  events,
  keyId,
  currentUserId,
  now,
}: {
  events: AuditEventDto[];
  keyId: string;
  currentUserId: string;
  now: number;
}) {
  if (events.length === 0)
    return <p className="text-sm text-ink-muted">No events recorded for this key yet.</p>;
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5">
      {events.map((event) => {
        const revoked = event.action === "api_key.revoked";
        const creation = event.action === "api_key.rotated" && event.target?.id !== keyId;
        return (
          <li key={event.id} className="relative text-sm">
            <span
              className={`absolute top-1.5 -left-[1.6rem] h-2.5 w-2.5 rounded-full ring-4 ring-white ${revoked ? "bg-danger" : "bg-brand-500"}`}
              aria-hidden="true"
            />
            <p className="text-ink">
              <span className="font-medium">
                {creation ? "Created by rotation" : (LABELS[event.action] ?? event.action)}
              </span>
              <span className="text-ink-muted">{summary(event, keyId)}</span>
            </p>
            <p className="mt-0.5 text-xs text-ink-faint">
              {actorLabel(event.actor, currentUserId)} ·{" "}
              <span className="font-mono">{event.ip ?? "unknown IP"}</span> ·{" "}
              <time dateTime={event.createdAt} title={formatDateTime(event.createdAt)}>
                {relativeTime(event.createdAt, now)}
              </time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
