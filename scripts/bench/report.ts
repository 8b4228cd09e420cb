import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import type { BenchConfig } from "./config";
import type { Row } from "./load";
import type { LookupPlan, ScanCounts } from "./queries";
import type { UsageSeedResult } from "./seed";
import type { Timing } from "./usage-timings";

export type ColdResult = Row & {
  requests: number;
  seconds: number;
  /** The key cache's database loads during the run (/api/metrics). */
  loads: number;
  /** The server's highest RSS during the run (MB). */
  peakRss: number;
  scans: ScanCounts;
};

export type BenchResults = {
  command: string;
  startedAt: Date;
  load: string;
  postgres: string;
  config: BenchConfig;
  sizes: { smallKeys: number; largeKeys: number; largeTenants: number };
  seeding: {
    keysSeconds: number;
    tenantsAndKeysSeconds: number;
    vacuumSeconds: number;
    usage: UsageSeedResult;
  };
  ratios: Row[];
  hot: { small: Row[]; large: Row[] };
  cold: { small: ColdResult; large: ColdResult };
  plan: LookupPlan;
  charts: Timing[];
  page: Timing[];
  rss: { whoamiSmall: number; whoamiLarge: number; cold: number };
  durationSeconds: number;
};

const fmt = (n: number) => n.toLocaleString("en-US");
const median = (rows: Row[], field: "rps" | "p50" | "p99") => {
  const values = rows.map((r) => r[field]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
};

function verdict(ok: boolean, quick: boolean): string {
  if (quick) return "—";
  return ok ? "yes" : "**no**";
}

const pct = (a: number, b: number) => `${Math.round((a / b) * 100)} %`;
const p99x = (a: Row, b: Row) => `${(a.p99 / Math.max(1, b.p99)).toFixed(1)}×`;

const TABLE_HEAD = [
  "| server, route | requests/s | p50 (ms) | p99 (ms) | non-2xx |",
  "|---|---:|---:|---:|---:|",
];
const TARGETS_HEAD = ["| target (issue 10, SPEC §7) | measured | target | met |", "|---|---|---|---|"];
const rowLine = (row: Row) => `| ${row.name} | ${fmt(row.rps)} | ${row.p50} | ${row.p99} | ${row.non2xx} |`;

/** SPEC §7's ratio targets, judged on the ratio rows (in the order bench.ts loads them). */
function ratioTargets(rows: Row[], quick: boolean): string[] {
  const [sha, health, whoami, verify, jwtBase, jwt] = rows as [Row, Row, Row, Row, Row, Row];
  return [
    `| whoami (secret) vs bare SHA-256 | ${pct(whoami.rps, sha.rps)}, p99 ${p99x(whoami, sha)} | ≥ 50 %, p99 ≤ 2× | ${verdict(whoami.rps >= sha.rps * 0.5 && whoami.p99 <= sha.p99 * 2, quick)} |`,
    `| verify (secret) vs bare SHA-256 | ${pct(verify.rps, sha.rps)}, p99 ${p99x(verify, sha)} | ≥ 45 % | ${verdict(verify.rps >= sha.rps * 0.45, quick)} |`,
    `| whoami (ES256 JWT) vs bare ES256 | ${pct(jwt.rps, jwtBase.rps)} | ≥ 70 % | ${verdict(jwt.rps >= jwtBase.rps * 0.7, quick)} |`,
    `| whoami (secret) vs Next /api/health | ${pct(whoami.rps, health.rps)} | — | — |`,
  ];
}

/** The ratio rows and their targets alone (`npm run bench -- --ratios`). */
export function renderRatios(rows: Row[], quick: boolean): string[] {
  return [...TABLE_HEAD, ...rows.map(rowLine), "", ...TARGETS_HEAD, ...ratioTargets(rows, quick)];
}

/** One dated section per run: what was run, on what, and every figure next to its target. */
export function renderRun(r: BenchResults): string {
  const q = r.config.quick;
  const hotSmall = median(r.hot.small, "rps");
  const hotLarge = median(r.hot.large, "rps");
  const { small: coldSmall, large: coldLarge } = r.cold;
  const perMiss = (c: ColdResult) => (c.scans.secretHashIndexScans / c.requests).toFixed(2);
  const chart = (name: string) => r.charts.find((t) => t.name.startsWith(name))!;
  const tenantChart = chart("GET /api/tenants/me/usage, 30 days");
  const keyChart = chart("GET /api/tenants/me/usage?keyId, 30 days");
  const [pageDrawn, pageLoaded, page30] = r.page as [Timing, Timing, Timing];
  const u = r.seeding.usage;
  const small = fmt(r.sizes.smallKeys);
  const large = fmt(r.sizes.largeKeys);
  const lines = [
    `### ${r.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC${q ? " (quick: smoke test, figures not comparable)" : ""}`,
    "",
    `Command: \`${r.command}\` — ${r.durationSeconds} s in all. ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${r.postgres}; load average before the run ${r.load}. ` +
      `autocannon, ${r.config.connections} connections, ${r.config.duration} s per run after ${r.config.warmup} s of warm-up; the bench tenant has no tenant limit (null).`,
    "",
    `Seeded into PostgreSQL through the real tables: ${large} keys over ${fmt(r.sizes.largeTenants)} tenants in ${r.seeding.tenantsAndKeysSeconds} s (COPY, indexes in place); ` +
      `${fmt(u.verifications)} verifications over ${r.config.usage.days} days for the bench tenant's ${fmt(r.config.keysPerTenant)} keys — ` +
      `${fmt(u.rows.minute)} minute, ${fmt(u.rows.hour)} hour and ${fmt(u.rows.day)} day rows of \`usage_rollups\`, ${fmt(u.rows.tenant)} of \`usage_tenant_rollups\` — in ${u.seconds} s; ` +
      `the ${small}-key database in ${r.seeding.keysSeconds} s; VACUUM ANALYZE ${r.seeding.vacuumSeconds} s.`,
    "",
    ...TABLE_HEAD,
    ...[...r.ratios, ...r.hot.small, ...r.hot.large, coldSmall, coldLarge].map(rowLine),
    "",
    ...TARGETS_HEAD,
    ...ratioTargets(r.ratios, q),
    `| hot key, ${large} vs ${small} keys (median of ${r.hot.small.length}) | ${pct(hotLarge, hotSmall)} (${fmt(hotLarge)} vs ${fmt(hotSmall)} req/s) | ≥ 90 % (at most 10 % slower) | ${verdict(hotLarge >= hotSmall * 0.9, q)} |`,
    `| cold look-ups, ${fmt(coldLarge.requests)} distinct of ${large} vs ${fmt(coldSmall.requests)} on ${small} | ${pct(coldLarge.rps, coldSmall.rps)}; p99 ${coldLarge.p99} vs ${coldSmall.p99} ms | ≥ 60 % | ${verdict(coldLarge.rps >= coldSmall.rps * 0.6, q)} |`,
    `| database look-ups per cold request (${large} keys) | ${fmt(coldLarge.loads)} cache loads, ${fmt(coldLarge.scans.secretHashIndexScans)} scans of \`api_keys_secret_hash_idx\` (${perMiss(coldLarge)} per request), ${coldLarge.scans.apiKeysSeqScans} sequential scans of \`api_keys\` | one indexed query | ${verdict(coldLarge.loads === coldLarge.requests && coldLarge.scans.secretHashIndexScans === coldLarge.requests, q)} |`,
    `| usage chart, 30 days (${fmt(u.verifications)} verifications) | p50 ${tenantChart.p50} ms, max ${tenantChart.max} ms | < 200 ms | ${verdict(tenantChart.max < 200, q)} |`,
    `| one key's chart, 30 days | p50 ${keyChart.p50} ms, max ${keyChart.max} ms | < 50 ms | ${verdict(keyChart.max < 50, q)} |`,
    `| usage page in Chromium: chart drawn after navigation, then after a click on 30 d (page fully loaded: ${Math.round(pageLoaded.max)} ms) | ${Math.round(pageDrawn.max)} ms, ${Math.round(page30.max)} ms (max of ${pageDrawn.samples}) | < 1 s | ${verdict(pageDrawn.max < 1000 && page30.max < 1000, q)} |`,
    `| server RSS under whoami load (${small} / ${large} keys) | ${r.rss.whoamiSmall} MB / ${r.rss.whoamiLarge} MB | ≤ 400 MB | ${verdict(Math.max(r.rss.whoamiSmall, r.rss.whoamiLarge) <= 400, q)} |`,
    "",
    `Other figures: highest RSS of the ${large}-key server during its cold run: ${r.rss.cold} MB. ` +
      `Chart timings are request to last byte over loopback (an upper bound on server time), ${r.config.chartSamples} requests after 3 untimed: ` +
      r.charts.map((t) => `${t.name} p50 ${t.p50} / max ${t.max} ms`).join("; ") +
      ".",
    "",
    `The miss's query (\`lib/dal/verification-keys.ts\`), EXPLAIN ANALYZE on ${large} keys: ${r.plan.indexes.join(", ")}; ${r.plan.executionMs.toFixed(3)} ms.`,
    "",
    "```",
    r.plan.text,
    "```",
    "",
  ];
  return lines.join("\n");
}

export function appendRun(file: string, section: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, "# Benchmarks\n\n");
  appendFileSync(file, `\n${section}`);
}
