import "server-only";
import { queueCreditSweep } from "@/lib/dal/credits/credit-events";
import { queueExpiryEvents } from "@/lib/dal/key-alerts/expiry-events";
import { queueFailureSpikeEvents } from "@/lib/dal/key-alerts/spike-events";
import { describeError, log } from "@/lib/log";
import { type Clock, createPeriodicJob, type PeriodicJob } from "./periodic-job";

export type EventJob = PeriodicJob & { runOnce: () => Promise<number> };

type JobOptions = { clock?: Clock; intervalMs?: number; onlyTenantIds?: string[] };

const systemClock: Clock = { now: () => new Date() };

/**
 * key.expiring / key.expired, once a minute. A pass handles `batchSize` keys; a run takes passes
 * until one comes back short, at most `maxPasses` (the rest waits for the next run), so a burst of
 * expiries — 1 M keys made with one expiry — is worked off in bounded transactions.
 */
export function createExpiryJob(
  options: JobOptions & { batchSize?: number; maxPasses?: number } = {},
): EventJob {
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 500;
  const maxPasses = options.maxPasses ?? 20;
  async function runOnce(): Promise<number> {
    let queued = 0;
    for (let pass = 0; pass < maxPasses; pass++) {
      const count = await queueExpiryEvents(clock.now(), batchSize, options.onlyTenantIds);
      queued += count;
      if (count < batchSize) break;
    }
    return queued;
  }
  const job = createPeriodicJob({
    intervalMs: options.intervalMs ?? 60_000,
    run: runOnce,
    onError: (error) => log.error("webhook expiry job failed", describeError(error)),
  });
  return { runOnce, ...job };
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
 * balance set under 10 % by hand. Passes of `batchSize`, as the expiry job takes them.
 */
export function createCreditSweepJob(
  options: JobOptions & { batchSize?: number; maxPasses?: number } = {},
): EventJob {
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 500;
  const maxPasses = options.maxPasses ?? 20;
  async function runOnce(): Promise<number> {
    let queued = 0;
    for (let pass = 0; pass < maxPasses; pass++) {
      const count = await queueCreditSweep(clock.now(), batchSize, options.onlyTenantIds);
      queued += count;
      if (count < batchSize) break;
    }
    return queued;
  }
  const job = createPeriodicJob({
    intervalMs: options.intervalMs ?? 60_000,
    run: runOnce,
    onError: (error) => log.error("webhook credit sweep failed", describeError(error)),
  });
  return { runOnce, ...job };
}
