/**
 * The refill calendar of a key's credits (issue 12), in UTC: daily at 00:00, monthly at 00:00 on
 * `dayOfMonth`, clamped to the month's last day (31 → 30 April, 28 or 29 February). A refill resets
 * the balance to `amount` (it does not add to it), so applying it twice changes nothing.
 * lib/dal/credits/balance-sql.ts says the same thing in SQL; tests hold the two together.
 */
export type RefillInterval = "daily" | "monthly";
export type CreditRefill = { interval: RefillInterval; amount: number; dayOfMonth: number | null };

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function monthlyBoundary(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/** The latest refill boundary at or before `nowMs`. */
export function lastRefillBoundary(refill: CreditRefill, nowMs: number): number {
  if (refill.interval === "daily") return Math.floor(nowMs / DAY_MS) * DAY_MS;
  const now = new Date(nowMs);
  const day = refill.dayOfMonth ?? 1;
  const thisMonth = monthlyBoundary(now.getUTCFullYear(), now.getUTCMonth(), day);
  return thisMonth <= nowMs ? thisMonth : monthlyBoundary(now.getUTCFullYear(), now.getUTCMonth() - 1, day);
}

/** The first refill boundary strictly after `nowMs`. */
export function nextRefillBoundary(refill: CreditRefill, nowMs: number): number {
  if (refill.interval === "daily") return Math.floor(nowMs / DAY_MS) * DAY_MS + DAY_MS;
  const now = new Date(nowMs);
  const day = refill.dayOfMonth ?? 1;
  const thisMonth = monthlyBoundary(now.getUTCFullYear(), now.getUTCMonth(), day);
  return thisMonth > nowMs ? thisMonth : monthlyBoundary(now.getUTCFullYear(), now.getUTCMonth() + 1, day);
}

/** The balance as the next verification will see it: refilled if a boundary passed since the last (re)fill. */
export function effectiveBalance(
  stored: number,
  refill: CreditRefill | null,
  refilledAtMs: number | null,
  nowMs: number,
): number {
  if (!refill || refilledAtMs === null) return stored;
  return lastRefillBoundary(refill, nowMs) > refilledAtMs ? refill.amount : stored;
}
