import { VerificationStats } from "./verification-stats";

const STATS_KEY = Symbol.for("keydesk.metrics.verifications");
type StatsHolder = { [STATS_KEY]?: VerificationStats };

/** One set of counters per process, shared by the socket fast path and Next's bundle. */
export function verificationStats(): VerificationStats {
  const holder = globalThis as StatsHolder;
  holder[STATS_KEY] ??= new VerificationStats();
  return holder[STATS_KEY];
}
