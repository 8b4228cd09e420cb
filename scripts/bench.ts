/**
 * `npm run bench`: SPEC §7 and issue 10's measurements, as ratios and timings taken in one run on
 * this machine, appended as a dated section to docs/benchmarks.md (or `--out <file>`).
 *
 * - the secret-key and ES256 paths against bare node:http baselines started by the same run;
 * - the hot key and cold look-ups on a small database against one of a million keys over a
 *   thousand tenants, counting the database's own index scans per miss;
 * - usage charts over ten million verifications, through the management API and in Chromium;
 * - the server's RSS under load.
 *
 * `--quick` runs the same steps with small seeds and short runs (a smoke test; no targets judged).
 * Needs PostgreSQL (PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres), where it
 * creates and afterwards drops `${BENCH_DB_PREFIX:-keydesk_bench}_small` and `_large` (`--keep`
 * keeps them), and a production build (`npm run build`, run here if .next is missing).
 */
import "../lib/server/allow-server-only";
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { benchKeyId, benchSecret, benchTenantId } from "./bench/bench-keys";
import { type BenchConfig, FULL, QUICK } from "./bench/config";
import { hotRuns } from "./bench/hot";
import { CredentialLoader } from "./bench/load";
import { type KeydeskServer, sampleRss, startKeydesk, stopChildren } from "./bench/processes";
import { explainLookup, metric, scanCounts, settledScanCounts, untilCacheEmpty } from "./bench/queries";
import { ratios } from "./bench/ratios";
import { appendRun, type BenchResults, type ColdResult, renderRatios, renderRun } from "./bench/report";
import {
  connect,
  databaseUrl,
  dropDatabase,
  recreateDatabase,
  type Sql,
  seedKeys,
  seedTenants,
  seedUsage,
  vacuumAnalyze,
} from "./bench/seed";
import { registerBenchTenant } from "./bench/tenant";
import { timeGet, timeUsagePage } from "./bench/usage-timings";

const args = process.argv.slice(2);
const config: BenchConfig = args.includes("--quick") ? QUICK : FULL;
const out = args.includes("--out") ? args[args.indexOf("--out") + 1]! : "docs/benchmarks.md";
const keep = args.includes("--keep");
/** `--ratios`: only the ratio rounds (a few minutes, no large database), printed, not written. */
const ratiosOnly = args.includes("--ratios");
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const PREFIX = process.env.BENCH_DB_PREFIX ?? "keydesk_bench";
const DB = { small: `${PREFIX}_small`, large: `${PREFIX}_large` };
const PASSWORD = "bench password 123";
/** The hot key: one of the bench tenant's keys, the same secret in both databases. */
const HOT = 7;

/**
 * Each request a key's first look-up: before every pass the cache is emptied (a NOTIFY per tenant
 * of the pass's keys, as any key change sends), so each request is one database query; the server's
 * load counter and PostgreSQL's index-scan counter then say whether it was exactly one.
 */
async function coldRun(
  name: string,
  server: KeydeskServer,
  sql: Sql,
  tenantOf: (keyIndex: number) => string,
  passes: readonly (readonly number[])[],
): Promise<ColdResult> {
  const loader = new CredentialLoader(server.base, config.coldConnections);
  const loads0 = await metric(server.base, "keydesk_key_cache_misses_total");
  const scans0 = await scanCounts(sql);
  const rss = sampleRss(server.pid);
  let tenants = new Set<string>([tenantOf(HOT)]);
  for (const pass of passes) {
    for (const tenantId of tenants)
      await sql`select pg_notify('keydesk_key_changes', ${`tenant:${tenantId}`})`;
    await untilCacheEmpty(server.base);
    await loader.pass(pass.map(benchSecret));
    tenants = new Set(pass.map(tenantOf));
  }
  const peakRss = rss.stop();
  const row = loader.result(name);
  const loads = (await metric(server.base, "keydesk_key_cache_misses_total")) - loads0;
  const scans1 = await settledScanCounts(sql, scans0.secretHashIndexScans + row.requests);
  return {
    ...row,
    loads,
    peakRss,
    scans: {
      secretHashIndexScans: scans1.secretHashIndexScans - scans0.secretHashIndexScans,
      apiKeysSeqScans: scans1.apiKeysSeqScans - scans0.apiKeysSeqScans,
    },
  };
}

const benchStarted = performance.now();
/** Progress on the console, with the seconds since the bench started. */
function phase(name: string): void {
  console.info(`\n[${Math.round((performance.now() - benchStarted) / 1000)} s] ${name}`);
}

async function main() {
  const startedAt = new Date();
  const loadAverage = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  if (!existsSync(".next/BUILD_ID")) execSync("npm run build", { stdio: "inherit" });
  const largeKeys = config.largeTenants * config.keysPerTenant;
  const sizes = { small: config.smallKeys.toLocaleString("en-US"), large: largeKeys.toLocaleString("en-US") };
  console.info(`keydesk bench${config.quick ? " --quick" : ""}: ${sizes.small} vs ${sizes.large} keys`);

  phase("databases and servers");
  await Promise.all([recreateDatabase(DB.small), recreateDatabase(DB.large)]);
  const [small, large] = await Promise.all([
    startKeydesk("small", PORT, databaseUrl(DB.small)),
    startKeydesk("large", PORT + 1, databaseUrl(DB.large)),
  ]);
  const smallSql = connect(DB.small);
  const largeSql = connect(DB.large);
  try {
    const [smallTenant, largeTenant] = [
      await registerBenchTenant(small, PASSWORD),
      await registerBenchTenant(large, PASSWORD),
    ];
    const [postgresVersion] = await smallSql<{ server_version: string }[]>`show server_version`;

    phase("seeding the small database");
    const smallSeed = await seedKeys(smallSql, {
      from: 0,
      to: config.smallKeys,
      keysPerTenant: config.smallKeys,
      benchTenant: smallTenant.id,
    });
    phase("ratios against bare node:http, before the large database is seeded");
    const ratioRun = await ratios(small, smallTenant, config, benchSecret(HOT));
    if (ratiosOnly) {
      console.info(
        `\n${renderRatios(ratioRun.rows, config.quick).join("\n")}\n(--ratios: not written to ${out})`,
      );
      return;
    }

    phase("seeding the large database");
    const largeStarted = performance.now();
    await seedTenants(largeSql, config.largeTenants);
    await seedKeys(largeSql, {
      from: 0,
      to: largeKeys,
      keysPerTenant: config.keysPerTenant,
      benchTenant: largeTenant.id,
    });
    const tenantsAndKeysSeconds = Math.round((performance.now() - largeStarted) / 100) / 10;
    const usage = await seedUsage(largeSql, {
      tenantId: largeTenant.id,
      keyCount: config.keysPerTenant,
      verifications: config.usage.verifications,
      days: config.usage.days,
      slots: config.usage.slotsPerMinute,
      failureSlots: config.usage.failureSlots,
      now: Date.now(),
    });
    const vacuumSeconds = (await vacuumAnalyze(smallSql)) + (await vacuumAnalyze(largeSql));
    // The bulk load leaves gigabytes of dirty pages that PostgreSQL would otherwise write out over
    // the next minutes, spread across the measurements below: write them out now.
    await largeSql`checkpoint`;
    console.info(
      `seeded ${sizes.large} keys in ${tenantsAndKeysSeconds} s, ${usage.verifications.toLocaleString("en-US")} verifications in ${usage.seconds} s`,
    );

    phase("hot key, small and large database in turn");
    const hot = await hotRuns({ small, large }, sizes, benchSecret(HOT), config);
    phase("cold look-ups");

    const passes = Math.max(1, Math.round(config.coldLookups / config.smallKeys));
    const allSmall = Array.from({ length: config.smallKeys }, (_, i) => i);
    const coldSmall = await coldRun(
      `cold look-ups, ${sizes.small} keys (${passes} passes over all)`,
      small,
      smallSql,
      () => smallTenant.id,
      Array.from({ length: passes }, () => allSmall),
    );
    // Distinct keys spread over every tenant, in passes of the same size as on the small database.
    const stride = Math.max(1, Math.floor(largeKeys / config.coldLookups));
    const distinct = Array.from({ length: Math.min(config.coldLookups, largeKeys) }, (_, i) => i * stride);
    const coldLarge = await coldRun(
      `cold look-ups, ${sizes.large} keys (all distinct)`,
      large,
      largeSql,
      (index) => {
        const tenant = Math.floor(index / config.keysPerTenant);
        return tenant === 0 ? largeTenant.id : benchTenantId(tenant);
      },
      Array.from({ length: Math.ceil(distinct.length / config.smallKeys) }, (_, p) =>
        distinct.slice(p * config.smallKeys, (p + 1) * config.smallKeys),
      ),
    );
    const plan = await explainLookup(largeSql, benchSecret(largeKeys - 1));

    phase("usage charts");
    const now = Date.now();
    const range = (ms: number) =>
      `from=${new Date(now - ms).toISOString()}&to=${new Date(now).toISOString()}`;
    const usageUrl = `${large.base}/api/tenants/me/usage`;
    const day = 86_400_000;
    const charts = [];
    for (const [name, query] of [
      ["GET /api/tenants/me/usage, 30 days (day buckets)", range(30 * day)],
      [
        "GET /api/tenants/me/usage?keyId, 30 days (day buckets)",
        `${range(30 * day)}&keyId=${benchKeyId(HOT)}`,
      ],
      ["GET /api/tenants/me/usage, 7 days (hour buckets)", `${range(7 * day)}&interval=hour`],
      ["GET /api/tenants/me/usage, 24 hours (hour buckets)", `${range(day)}&interval=hour`],
    ] as const) {
      const { body, ...timing } = await timeGet(
        name,
        `${usageUrl}?${query}`,
        largeTenant.accessToken,
        config.chartSamples,
      );
      charts.push(timing);
      if (name.includes("30 days") && !name.includes("keyId")) {
        const totals = (body as { totals: Record<string, number> }).totals;
        const sum = Object.values(totals).reduce((a, b) => a + b, 0);
        console.info(
          `  30-day total through the API: ${sum.toLocaleString("en-US")} verifications (seeded, plus the bench's own)`,
        );
      }
    }
    phase("usage page in Chromium");
    const page = await timeUsagePage(
      large.base,
      { email: largeTenant.email, password: PASSWORD },
      config.pageRuns,
    );

    const results: BenchResults = {
      command: `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`,
      startedAt,
      load: loadAverage,
      postgres: `PostgreSQL ${postgresVersion!.server_version.split(" ")[0]}`,
      config,
      sizes: { smallKeys: config.smallKeys, largeKeys, largeTenants: config.largeTenants },
      seeding: { keysSeconds: smallSeed.seconds, tenantsAndKeysSeconds, vacuumSeconds, usage },
      ratios: ratioRun.rows,
      hot: { small: hot.small, large: hot.large },
      cold: { small: coldSmall, large: coldLarge },
      plan,
      charts,
      page,
      rss: {
        whoamiSmall: Math.max(ratioRun.rss, hot.rss.small),
        whoamiLarge: hot.rss.large,
        cold: coldLarge.peakRss,
      },
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    };
    const section = renderRun(results);
    appendRun(out, section);
    console.info(`\n${section}\nappended to ${out}`);
  } finally {
    await Promise.allSettled([smallSql.end({ timeout: 2 }), largeSql.end({ timeout: 2 })]);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopChildren();
    if (!keep) {
      // Only once the servers have exited: FORCE-dropping a database under a server still shutting
      // down cut its connections mid-write (an uncaught error in postgres.js's socket, 2026-12-03).
      await Promise.allSettled([dropDatabase(DB.small), dropDatabase(DB.large)]);
    }
  });
