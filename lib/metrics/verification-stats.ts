/**
 * Verification counters for /api/metrics, kept off prom-client on purpose: the hot path (SPEC §7)
 * pays two array increments and a short bucket scan per request, with no allocation; prom-client
 * reads these arrays only when scraped (see registry.ts). Its own `labels().inc()` hashes the label
 * set and allocates on every call.
 */
import { VERIFICATION_OUTCOMES } from "@/lib/errors/verification-outcomes";

export { VERIFICATION_OUTCOMES };

/** `fast`: served from the socket by server.ts; `next`: through Next's route handler. */
export const VERIFICATION_PATHS = ["fast", "next"] as const;
export type VerificationPath = (typeof VERIFICATION_PATHS)[number];

/** Seconds. A cached key answers in well under a millisecond; a database look-up in a few. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const OUTCOME_INDEX: Record<string, number> = Object.create(null);
VERIFICATION_OUTCOMES.forEach((outcome, index) => {
  OUTCOME_INDEX[outcome] = index;
});
const INTERNAL_ERROR_INDEX = VERIFICATION_OUTCOMES.indexOf("INTERNAL_ERROR");

export class VerificationStats {
  /** [path][outcome] */
  readonly counts = new Float64Array(VERIFICATION_PATHS.length * VERIFICATION_OUTCOMES.length);
  /** [path][bucket], not cumulative; the last slot of each path is +Inf. */
  readonly buckets = new Float64Array(VERIFICATION_PATHS.length * (LATENCY_BUCKETS.length + 1));
  readonly sums = new Float64Array(VERIFICATION_PATHS.length);

  record(path: VerificationPath, outcome: string, seconds: number): void {
    const p = path === "fast" ? 0 : 1;
    const slot = p * VERIFICATION_OUTCOMES.length + (OUTCOME_INDEX[outcome] ?? INTERNAL_ERROR_INDEX);
    this.counts[slot] = this.counts[slot]! + 1;
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket++;
    const bucketSlot = p * (LATENCY_BUCKETS.length + 1) + bucket;
    this.buckets[bucketSlot] = this.buckets[bucketSlot]! + 1;
    this.sums[p] = this.sums[p]! + seconds;
  }

  count(path: VerificationPath, outcome: (typeof VERIFICATION_OUTCOMES)[number]): number {
    const p = path === "fast" ? 0 : 1;
    return this.counts[p * VERIFICATION_OUTCOMES.length + OUTCOME_INDEX[outcome]!]!;
  }
}
