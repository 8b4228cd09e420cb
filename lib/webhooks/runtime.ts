import "server-only";
import { settleCreditAlerts } from "@/lib/dal/credits/credit-events";
import { getEnv } from "@/lib/env";
import { createCreditSweepJob, createExpiryJob, createFailureSpikeJob } from "./event-jobs";
import type { PeriodicJob } from "./periodic-job";
import { createSender } from "./send";
import { createWebhookWorker } from "./worker";

let jobs: PeriodicJob[] | null = null;

/**
 * The server process's webhook jobs (server.ts starts them; graceful shutdown stops them): the
 * delivery worker, and the expiry, failure-spike and credit-sweep jobs that queue events. Every
 * instance runs all four: the queue and webhook_key_notices make that safe.
 */
export function startWebhookWorker(): void {
  if (jobs) return;
  const env = getEnv();
  jobs = [
    createWebhookWorker({ sender: createSender({ allowPrivate: env.webhookAllowPrivate }) }),
    createExpiryJob(),
    createFailureSpikeJob({ threshold: env.webhookFailureSpikeThreshold }),
    createCreditSweepJob(),
  ];
  for (const job of jobs) job.start();
}

/** Waits for the runs and sends under way: their outcomes are recorded before the database closes. */
export async function stopWebhookWorker(): Promise<void> {
  const running = jobs ?? [];
  jobs = null;
  await Promise.all([...running.map((job) => job.stop()), settleCreditAlerts()]);
}
