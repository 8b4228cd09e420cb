import type { AuditEventDto } from "@/lib/dal/audit-log";
import { relativeTime } from "./badges";

const LABELS: Record<string, string> = {
  "api_key.created": "Created",
  "api_key.updated": "Settings changed",
  "api_key.rotated": "Rotated",
  "api_key.revoked": "Revoked",
};

function actorLabel(actor: AuditEventDto["actor"]): string {
  if (actor.type === "system") return "Keydesk";
  return actor.type === "token" ? "API (access token)" : "Dashboard";
}

export function AuditTimeline({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) return <p className="text-sm text-ink-muted">No events yet.</p>;
  const now = Date.now();
  return (
    <ol className="space-y-3">
      {events.map((event) => (
        <li key={event.id} className="flex gap-3 text-sm">
          <span
            className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${event.action.endsWith("revoked") ? "bg-danger" : "bg-brand-500"}`}
            aria-hidden="true"
          />
          <div>
            <p className="text-ink">
              <span className="font-medium">{LABELS[event.action] ?? event.action}</span>
              {typeof event.details.reason === "string" ? (
                <span className="text-ink-muted"> — {event.details.reason}</span>
              ) : null}
              {typeof event.details.newKeyId === "string" ? (
                <span className="font-mono text-xs text-ink-muted"> → {event.details.newKeyId}</span>
              ) : null}
            </p>
            <p className="text-xs text-ink-faint">
              {actorLabel(event.actor)} · {event.ip ?? "unknown IP"} ·{" "}
              <time dateTime={event.createdAt}>{relativeTime(event.createdAt, now)}</time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
