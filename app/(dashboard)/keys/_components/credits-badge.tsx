import { formatCredits, type KeyCredits, nextRefillLabel } from "@/components/keys/credits";
import { formatDateTime } from "@/components/keys/format";

/** The balance on a key row: "Unlimited", or what is left (red at 0) and when it refills. */
export function CreditsBadge({ credits }: { credits: KeyCredits }) {
  if (!credits) return <span className="text-xs text-ink-faint">Unlimited</span>;
  const empty = credits.remaining === 0;
  const next = nextRefillLabel(credits);
  return (
    <div data-testid="credits-cell">
      <span className={`font-medium tabular-nums ${empty ? "text-danger" : "text-ink"}`}>
        {formatCredits(credits.remaining)}
      </span>
      <span className="text-xs text-ink-muted"> left</span>
      {next && credits.nextRefillAt ? (
        <p className="text-xs whitespace-nowrap text-ink-faint" title={formatDateTime(credits.nextRefillAt)}>
          {next}
        </p>
      ) : null}
    </div>
  );
}
