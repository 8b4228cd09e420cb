/**
 * What `npm run bench` measures, at full size or (`--quick`) as a smoke test: small seeds, short
 * runs, no targets judged. Sizes are explicit so the report can say exactly what was measured.
 */
export type BenchConfig = {
  quick: boolean;
  /** Seconds per autocannon run, after a warm-up of `warmup` seconds. */
  duration: number;
  warmup: number;
  connections: number;
  /**
   * The ratio targets: each round loads every baseline and route once, in turn, for
   * `ratioDuration` s (after `warmup`); each figure is the median over the rounds, so drift on a
   * shared machine hits the baselines and the routes alike.
   */
  ratioRounds: number;
  ratioDuration: number;
  /** Hot-key runs alternate between the small and the large database this many times. */
  hotRounds: number;
  /** The small database: one tenant (the bench tenant) with this many keys. */
  smallKeys: number;
  /** The large database: `largeTenants` tenants of `keysPerTenant` keys; tenant 0 is the bench tenant. */
  largeTenants: number;
  keysPerTenant: number;
  /** Cold look-ups per database: distinct keys on the large one, repeated passes on the small one. */
  coldLookups: number;
  coldConnections: number;
  usage: {
    /** Verifications recorded for the bench tenant over `days`, minute by minute. */
    verifications: number;
    days: number;
    /** (key, outcome) rows per minute, of which `failureSlots` are failures. */
    slotsPerMinute: number;
    failureSlots: number;
  };
  /** Timed requests per chart, after 3 untimed ones. */
  chartSamples: number;
  /** Timed loads of the usage page in Chromium, after one untimed one. */
  pageRuns: number;
};

export const FULL: BenchConfig = {
  quick: false,
  duration: 10,
  warmup: 2,
  connections: 50,
  ratioRounds: 5,
  ratioDuration: 5,
  hotRounds: 5,
  smallKeys: 1_000,
  largeTenants: 1_000,
  keysPerTenant: 1_000,
  coldLookups: 100_000,
  coldConnections: 50,
  usage: { verifications: 10_000_000, days: 30, slotsPerMinute: 100, failureSlots: 4 },
  chartSamples: 20,
  pageRuns: 3,
};

export const QUICK: BenchConfig = {
  quick: true,
  duration: 1.5,
  warmup: 0.5,
  connections: 50,
  ratioRounds: 1,
  ratioDuration: 1.5,
  hotRounds: 1,
  smallKeys: 200,
  largeTenants: 10,
  keysPerTenant: 200,
  coldLookups: 1_000,
  coldConnections: 20,
  usage: { verifications: 200_000, days: 30, slotsPerMinute: 2, failureSlots: 1 },
  chartSamples: 3,
  pageRuns: 1,
};
