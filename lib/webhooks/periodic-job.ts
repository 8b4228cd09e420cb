/**
 * The server process's periodic work (webhook deliveries, expiry and failure-spike events): `run`
 * every `intervalMs`, never two runs of one job at once, timers unref'd so they keep no process
 * alive, and `stop` waits for the run under way so its writes land before the database closes.
 */
/** Injected wherever time decides what happens, so that tests can move it. */
export type Clock = { now: () => Date };

export type PeriodicJob = { start: () => void; stop: () => Promise<void> };

export function createPeriodicJob(options: {
  intervalMs: number;
  run: () => Promise<unknown>;
  onError: (error: unknown) => void;
}): PeriodicJob {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  function schedule() {
    timer = setTimeout(tick, options.intervalMs);
    timer.unref();
  }

  function tick() {
    running = options
      .run()
      .catch(options.onError)
      .finally(() => {
        if (!stopped) schedule();
      });
  }

  return {
    start: () => {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
