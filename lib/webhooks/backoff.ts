/**
 * Delay before attempt n+1 after n failed attempts: 5 s, 5 min, 30 min, 2 h, 5 h, 8 h, 8 h —
 * 8 attempts over about 24 h (Standard Webhooks' reference schedule, shortened to a day), each
 * delay ±20 % so that a receiver coming back is not hit by every retry at once.
 */
const DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 28_800_000, 28_800_000];
export const MAX_ATTEMPTS = DELAYS_MS.length + 1;

export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number | null {
  const base = DELAYS_MS[failedAttempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}
