import type { ApiKeyDto } from "@/lib/dal/api-keys/dto";

const EXPIRING_SOON_MS = 7 * 86_400_000;

export type DisplayStatus = "active" | "expiring" | "expired" | "revoked";

export function displayStatus(key: Pick<ApiKeyDto, "status" | "expiresAt">, now = Date.now()): DisplayStatus {
  if (key.status !== "active") return key.status;
  return key.expiresAt && Date.parse(key.expiresAt) - now < EXPIRING_SOON_MS ? "expiring" : "active";
}

const STATUS: Record<DisplayStatus, { label: string; className: string }> = {
  active: { label: "Active", className: "bg-ok-soft text-emerald-800 ring-emerald-200" },
  expiring: { label: "Expiring soon", className: "bg-warn-soft text-amber-900 ring-amber-200" },
  expired: { label: "Expired", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  revoked: { label: "Revoked", className: "bg-danger-soft text-red-800 ring-red-200" },
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
  const { label, className } = STATUS[status];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${className}`}
    >
      {label}
    </span>
  );
}

export function EnvironmentBadge({ environment }: { environment: "live" | "test" }) {
  return environment === "live" ? (
    <span className="inline-flex rounded-md bg-brand-600 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-white uppercase">
      live
    </span>
  ) : (
    <span className="inline-flex rounded-md bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-amber-900 uppercase">
      test
    </span>
  );
}

const TYPE_LABEL = { secret: "Secret", public_key: "Public key", signed: "Signed" } as const;

export function TypeLabel({ type }: { type: ApiKeyDto["type"] }) {
  return <span className="text-xs text-ink-muted">{TYPE_LABEL[type]}</span>;
}

export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return "Never";
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  if (Math.abs(seconds) < 60) return format.format(-seconds, "second");
  if (Math.abs(seconds) < 3600) return format.format(-Math.round(seconds / 60), "minute");
  if (Math.abs(seconds) < 86_400) return format.format(-Math.round(seconds / 3600), "hour");
  return format.format(-Math.round(seconds / 86_400), "day");
}
