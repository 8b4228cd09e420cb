import { setFlagsFromString } from "node:v8";

/**
 * Between full collections V8 lets the old generation grow to several times what is live while
 * collecting looks cheap: under load the server's RSS passed 600 MB with ~130 MB live, all of it
 * short-lived request garbage promoted out of the young generation. Growing by `percent` of the
 * live heap instead keeps it near 300 MB at the same throughput (docs/benchmarks.md). The factor is
 * read at every collection, so setting it at start-up applies from the first request on. 0 leaves
 * V8's default.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
