/** The arithmetic of the usage chart, apart from its drawing (unit-tested in chart-scale.test.ts). */

export type ChartPoint = { t: string; outcomes: Record<string, number> };

/** Outcomes in stacking order (valid first, then the refusals by name), each bucket's total, the highest. */
export function stackOutcomes(series: readonly ChartPoint[]): {
  outcomes: string[];
  totals: number[];
  max: number;
} {
  const outcomes = [...new Set(series.flatMap((p) => Object.keys(p.outcomes)))].sort((a, b) =>
    a === "VALID" ? -1 : b === "VALID" ? 1 : a.localeCompare(b),
  );
  const totals = series.map((p) => Object.values(p.outcomes).reduce((sum, n) => sum + n, 0));
  return { outcomes, totals, max: Math.max(0, ...totals) };
}

/**
 * Round gridline values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, about
 * four of them, never fractions (counts are whole).
 */
export function axisTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

/** Label every n-th bucket so that at most `most` labels share the axis (it must fit a phone). */
export function labelEvery(buckets: number, most = 6): number {
  return Math.max(1, Math.ceil(buckets / most));
}
