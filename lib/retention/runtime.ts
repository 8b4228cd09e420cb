import "server-only";
import { databaseErrorCode } from "@/db/availability";
import { claimScheduledRun, type PruneReport, pruneExpired } from "@/lib/dal/retention";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { createRetentionJob, RETENTION_INTERVAL_MS, type RetentionJob } from "./retention-job";

const JOB_NAME = "retention";
let job: RetentionJob<PruneReport> | null = null;

/** server.ts starts it; graceful shutdown waits for a run under way. */
export function startRetentionJob(): void {
  if (job) return;
  const days = getEnv().verificationLog.days;
  job = createRetentionJob({
    claim: (now) => claimScheduledRun(JOB_NAME, now, RETENTION_INTERVAL_MS),
    prune: (now) => pruneExpired(now, days),
    onRun: (report) => log.info("retention: deleted expired rows", report),
    onError: (error) =>
      log.warn("retention run failed; the next daily run deletes what this one left", {
        code: databaseErrorCode(error),
      }),
  });
  job.start();
}

export async function stopRetentionJob(): Promise<void> {
  const running = job;
  job = null;
  await running?.stop();
}
