/**
 * Which credit thresholds one spend crossed (issue 13): `credits.low` when the balance goes under
 * 10 % of its baseline (the refill amount, else the balance as last set), `credits.exhausted` when it
 * reaches 0. Within a period the balance only goes down — a refill, a PATCH or an adjustment starts
 * a new period and a new baseline — so each threshold is crossed at most once per period, and the
 * spend's own before/after says so: no flag to read or write on the verification path.
 */
export type CreditAlert = "credits.low" | "credits.exhausted";

const NONE: readonly CreditAlert[] = [];

export function creditAlertsCrossed(
  before: number,
  after: number,
  baseline: number | null,
): readonly CreditAlert[] {
  if (after >= before) return NONE;
  const isLow = (balance: number) => baseline !== null && baseline > 0 && balance * 10 < baseline;
  const low = !isLow(before) && isLow(after);
  const exhausted = before > 0 && after === 0;
  if (!low && !exhausted) return NONE;
  if (low && exhausted) return ["credits.low", "credits.exhausted"];
  return low ? ["credits.low"] : ["credits.exhausted"];
}
