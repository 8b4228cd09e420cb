import "server-only";
import { Counter, collectDefaultMetrics, Gauge, type Metric, Registry } from "prom-client";
import { databaseStats } from "@/db/client";
import { verificationStats } from "@/lib/metrics/state";
import { LATENCY_BUCKETS, VERIFICATION_OUTCOMES, VERIFICATION_PATHS } from "@/lib/metrics/verification-stats";
import { currentStores } from "@/lib/stores";
import { currentVerifier } from "@/lib/verify/runtime/runtime";

type Labels = Record<string, string>;

/** A counter whose values are read from our own counters at scrape time (they only grow). */
function scrapedCounter(registry: Registry, name: string, help: string, read: () => [Labels, number][]) {
  const labelNames = Object.keys(read()[0]?.[0] ?? {});
  return new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.inc(labels, value);
    },
  });
}

function scrapedGauge(registry: Registry, name: string, help: string, read: () => number) {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

/** The latency histogram, built from the bucket counts the hot path keeps (verification-stats.ts). */
function latencyHistogram(): Metric<string> {
  const name = "keydesk_verification_duration_seconds";
  const metric = {
    name,
    help: "Time from credential to outcome, by path (fast: server.ts socket; next: Next route handler)",
    type: "histogram",
    aggregator: "sum",
    labelNames: ["path", "le"],
    reset() {},
    async get() {
      const stats = verificationStats();
      const values: { metricName: string; labels: Labels; value: number }[] = [];
      VERIFICATION_PATHS.forEach((path, p) => {
        let cumulative = 0;
        [...LATENCY_BUCKETS, Number.POSITIVE_INFINITY].forEach((le, b) => {
          cumulative += stats.buckets[p * (LATENCY_BUCKETS.length + 1) + b]!;
          values.push({
            metricName: `${name}_bucket`,
            labels: { path, le: le === Infinity ? "+Inf" : String(le) },
            value: cumulative,
          });
        });
        values.push({ metricName: `${name}_sum`, labels: { path }, value: stats.sums[p]! });
        values.push({ metricName: `${name}_count`, labels: { path }, value: cumulative });
      });
      return { name, help: metric.help, type: metric.type, aggregator: metric.aggregator, values };
    },
  };
  // prom-client's registry needs only name, help, type and get(); its typings list its own classes.
  return metric as unknown as Metric<string>;
}

function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const stats = verificationStats();
  scrapedCounter(
    registry,
    "keydesk_verifications_total",
    "Verifications answered, by outcome code and path",
    () =>
      VERIFICATION_PATHS.flatMap((path) =>
        VERIFICATION_OUTCOMES.map((outcome): [Labels, number] => [
          { outcome, path },
          stats.count(path, outcome),
        ]),
      ),
  );
  registry.registerMetric(latencyHistogram());

  const verifier = () => currentVerifier();
  scrapedCounter(registry, "keydesk_key_cache_lookups_total", "Key look-ups by the verifier", () => [
    [{}, verifier()?.lookups.total ?? 0],
  ]);
  scrapedCounter(registry, "keydesk_key_cache_misses_total", "Key look-ups that went to the database", () => [
    [{}, verifier()?.lookups.misses ?? 0],
  ]);
  scrapedGauge(
    registry,
    "keydesk_key_cache_hit_ratio",
    "Share of key look-ups served from memory since start",
    () => {
      const lookups = verifier()?.lookups;
      return lookups && lookups.total > 0 ? Math.max(0, 1 - lookups.misses / lookups.total) : 0;
    },
  );
  scrapedGauge(
    registry,
    "keydesk_key_cache_entries",
    "Keys and signing-secret lists held in memory",
    () => verifier()?.keyCache.size ?? 0,
  );

  const usage = () => verifier()?.usage.stats;
  scrapedGauge(
    registry,
    "keydesk_usage_buffer_pending",
    "Usage entries (key × minute × outcome) not yet written",
    () => usage()?.pending ?? 0,
  );
  scrapedCounter(registry, "keydesk_usage_flushes_total", "Usage batches written", () => [
    [{}, usage()?.flushes ?? 0],
  ]);
  scrapedCounter(
    registry,
    "keydesk_usage_flush_failures_total",
    "Usage writes that failed (retried with backoff)",
    () => [[{}, usage()?.failedFlushes ?? 0]],
  );
  scrapedCounter(
    registry,
    "keydesk_usage_dropped_total",
    "Verifications whose usage was dropped (buffer full, or after shutdown)",
    () => [[{}, usage()?.droppedVerifications ?? 0]],
  );
  scrapedCounter(
    registry,
    "keydesk_verification_log_dropped_total",
    "Verification log entries dropped (log buffer full, or after shutdown)",
    () => [[{}, verifier()?.log.dropped ?? 0]],
  );

  scrapedCounter(
    registry,
    "keydesk_db_pool_errors_total",
    "Database calls that failed because the database was unreachable",
    () => [[{}, databaseStats().poolErrors]],
  );
  scrapedCounter(
    registry,
    "keydesk_db_listen_reconnects_total",
    "Times the key-change LISTEN connection was re-established",
    () => [[{}, databaseStats().listenReconnects]],
  );
  scrapedCounter(registry, "keydesk_redis_errors_total", "Redis connection and command errors", () => {
    const stats = currentStores()?.stats;
    return [[{}, (stats?.connectionErrors ?? 0) + (stats?.redisErrors ?? 0)]];
  });
  scrapedCounter(
    registry,
    "keydesk_ratelimit_fallbacks_total",
    "Rate-limit checks answered by this process's own limits because Redis was away",
    () => [[{}, currentStores()?.stats.fallbacks ?? 0]],
  );
  return registry;
}

const REGISTRY_KEY = Symbol.for("keydesk.metrics.registry");
type RegistryHolder = { [REGISTRY_KEY]?: Registry };

/** One registry per process (default metrics must be collected once), shared by every bundle. */
export function metricsRegistry(): Registry {
  const holder = globalThis as RegistryHolder;
  holder[REGISTRY_KEY] ??= createRegistry();
  return holder[REGISTRY_KEY];
}
