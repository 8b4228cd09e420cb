import { toCsv } from "@/lib/csv/to-csv";
import type { UsageSeries } from "@/lib/schemas/usage";

export const USAGE_CSV_HEADER = ["bucket_start", "interval", "outcome", "count"];

/** Usage as CSV: one line per bucket and outcome that saw verifications, oldest first. */
export function usageCsv(usage: UsageSeries): string {
  const rows = usage.series.flatMap((point) =>
    Object.entries(point.outcomes)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([outcome, count]) => [point.t, usage.interval, outcome, count]),
  );
  return toCsv(USAGE_CSV_HEADER, rows);
}
