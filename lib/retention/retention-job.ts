/**
 * The daily retention run (issue 14), with its clock and database work injected so a test can
 * drive it. Every instance ticks; `claim` lets one of them run per day (lib/dal/retention.ts), and
 * the deletes are idempotent besides, so a second instance at the same moment does no harm.
 */
export const RETENTION_INTERVAL_MS = 86_400_000;

export type RetentionDeps<R> = {
  claim: (now: Date) => Promise<boolean>;
  prune: (now: Date) => Promise<R>;
  now?: () => number;
  /** How often an instance asks whether a run is due: hourly, so a restart never skips a day. */
  checkEveryMs?: number;
  onRun?: (report: R, now: Date) => void;
  onError?: (error: unknown) => void;
};

export type RetentionJob<R> = {
  /** Runs the retention if this instance claims it; the report, or null when not claimed. */
  tick(): Promise<R | null>;
  start(firstCheckMs?: number): void;
  stop(): Promise<void>;
};

export function createRetentionJob<R>(deps: RetentionDeps<R>): RetentionJob<R> {
  const now = deps.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  /** The tick under way: a slow run is never overlapped by the next check, and stop() waits for it. */
  let running: Promise<unknown> | null = null;

  async function tick(): Promise<R | null> {
    const at = new Date(now());
    if (!(await deps.claim(at))) return null;
    const report = await deps.prune(at);
    deps.onRun?.(report, at);
    return report;
  }

  function scheduled(): void {
    if (running) return;
    running = tick()
      .catch((error) => deps.onError?.(error))
      .finally(() => {
        running = null;
      });
  }

  return {
    tick,
    start(firstCheckMs = 60_000) {
      if (timer) return;
      // Not at once: a starting instance has enough to do, and a crash loop must not prune in a loop.
      timer = setTimeout(() => {
        scheduled();
        timer = setInterval(scheduled, deps.checkEveryMs ?? 3_600_000);
        timer.unref();
      }, firstCheckMs);
      timer.unref();
    },
    async stop() {
      clearTimeout(timer);
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
