import "server-only";
import { queueCreditSweep } from "@/lib/dal/credits/credit-events";
import { queueExpiryEvents } from "@/lib/dal/key-alerts/expiry-events";
import { queueFailureSpikeEvents } from "@/lib/dal/key-alerts/spike-events";
import { describeError, log } from "@/lib/log";
import { type Clock, createPeriodicJob, type PeriodicJob } from "./periodic-job";

export type EventJob = PeriodicJob & { runOnce: () => Promise<number> };

type JobOptions = { clock?: Clock; intervalMs?: number; onlyTenantIds?: string[] };

const systemClock: Clock = { now: () => new Date() };

/** One pass of a batched job: queues events for at most `limit` keys, returns how many it queued. */
type Pass = (now: Date, limit: number, onlyTenantIds?: string[]) => Promise<number>;

/**
 * A job that works in passes of `batchSize` keys: a run takes passes until one comes back short, at
 * most `maxPasses` (the rest waits for the next run), so a burst — 1 M keys made with one expiry —
 * is worked off in bounded transactions.
 */
function createBatchedJob(
  name: string,
  pass: Pass,
  options: JobOptions & { batchSize?: number; maxPasses?: number },
): EventJob {
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 500;
  const maxPasses = options.maxPasses ?? 20;
  async function runOnce(): Promise<number> {
    let queued = 0;
    for (let round = 0; round < maxPasses; round++) {
      const count = await pass(clock.now(), batchSize, options.onlyTenantIds);
      queued += count;
      if (count < batchSize) break;
    }
    return queued;
  }
  const job = createPeriodicJob({
    intervalMs: options.intervalMs ?? 60_000,
    run: runOnce,
    onError: (error) => log.error(`webhook ${name} failed`, describeError(error)),
  });
  return { runOnce, ...job };
}

/** key.expiring / key.expired, once a minute, in passes (createBatchedJob). */
export function createExpiryJob(
  options: JobOptions & { batchSize?: number; maxPasses?: number } = {},
): EventJob {
  return createBatchedJob("expiry job", queueExpiryEvents, options);
}

/** usage.failure_spike, once a minute (the minute totals are flushed every few seconds). */
export function createFailureSpikeJob(options: JobOptions & { threshold: number }): EventJob {
  const clock = options.clock ?? systemClock;
  const runOnce = () => queueFailureSpikeEvents(clock.now(), options.threshold, options.onlyTenantIds);
  const job = createPeriodicJob({
    intervalMs: options.intervalMs ?? 60_000,
    run: runOnce,
    onError: (error) => log.error("webhook failure-spike job failed", describeError(error)),
  });
  return { runOnce, ...job };
}

/**
 * The credit sweep, once a minute (lib/dal/credits/credit-events.ts): credits.low / exhausted for
 * keys under their threshold with no alert this period — one lost to a crash after its spend, or a
 * balance set under 10 % by hand. In passes, as the expiry job.
 */
export function createCreditSweepJob(
  options: JobOptions & { batchSize?: number; maxPasses?: number } = {},
): EventJob {
  return createBatchedJob("credit sweep", queueCreditSweep, options);
}
