import type { ApiKeyDto } from "@/lib/schemas/api-keys";

const EXPIRING_SOON_MS = 7 * 86_400_000;

export type DisplayStatus = "active" | "expiring" | "expired" | "revoked";

/** The DTO's status plus "expiring soon": active, but stopping within a week (e.g. after a rotation). */
export function displayStatus(key: Pick<ApiKeyDto, "status" | "expiresAt">, now = Date.now()): DisplayStatus {
  if (key.status !== "active") return key.status;
  return key.expiresAt && Date.parse(key.expiresAt) - now < EXPIRING_SOON_MS ? "expiring" : "active";
}

const STATUS: Record<DisplayStatus, { label: string; className: string; dot: string }> = {
  active: { label: "Active", className: "bg-ok-soft text-emerald-800 ring-emerald-200", dot: "bg-ok" },
  expiring: {
    label: "Expiring soon",
    className: "bg-warn-soft text-amber-900 ring-amber-200",
    dot: "bg-warn",
  },
  expired: { label: "Expired", className: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  revoked: { label: "Revoked", className: "bg-danger-soft text-red-800 ring-red-200", dot: "bg-danger" },
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
  const { label, className, dot } = STATUS[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${className}`}
    >
      <span className={`h-1.5 w-1.5 rounded-full ${dot}`} aria-hidden="true" />
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
    <span className="inline-flex rounded-md bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-amber-900 uppercase ring-1 ring-amber-200">
      test
    </span>
  );
}

export const TYPE_LABEL = { secret: "Secret", public_key: "Public key", signed: "Signed" } as const;

export function TypeLabel({ type }: { type: ApiKeyDto["type"] }) {
  return <span className="text-sm text-ink-muted">{TYPE_LABEL[type]}</span>;
}

/** What identifies the key to a human: the display prefix, or the start of the public key's thumbprint. */
export function keyHandle(key: Pick<ApiKeyDto, "prefix" | "fingerprint">, full = false): string {
  if (key.prefix) return key.prefix;
  if (!key.fingerprint) return "—";
  return full ? key.fingerprint : `${key.fingerprint.slice(0, 12)}…`;
}
