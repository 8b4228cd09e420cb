/**
 * Dates are shown in UTC and say so: pages render on the server, whose time zone is not the
 * reader's, and a fixed zone keeps server and browser renders identical (no hydration mismatch).
 */
const DATE = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return `${DATE_TIME.format(new Date(iso))} UTC`;
}

const LOG_TIME = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "Dec 2, 23:17:05": a log line's time, to the second, short enough for a table column (UTC). */
export function formatLogTime(iso: string): string {
  return LOG_TIME.format(new Date(iso));
}

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["day", 86_400],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "in 59 minutes", or "Never" for a key that was never used. */
export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return "Never";
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return seconds <= 0 ? "just now" : "in a few seconds";
  for (const [unit, size] of UNITS) {
    // Switch unit at 1.5× (90 minutes → "2 hours"), except minutes, the smallest shown.
    if (abs >= size * (unit === "minute" ? 0.75 : 1.5))
      return RELATIVE.format(Math.round(seconds / size), unit);
  }
  return RELATIVE.format(Math.round(seconds / 60), "minute");
}
