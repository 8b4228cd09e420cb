import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createRemoteTenant, sumOf, withBaseUrl } from "./client";
import { type RunningServer, startServer, tempDataDir } from "./harness";
import { slowVerify, startLoad, waitFor } from "./load";

const METRICS_TOKEN = "metrics-token-for-server-tests-0123456789";
const dataDir = tempDataDir();
const running: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop("SIGKILL")));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}) {
  const server = await startServer({ dataDir, env: { METRICS_TOKEN, ...env } });
  running.push(server);
  return server;
}

const metricsOf = async (url: string, token?: string) =>
  fetch(`${url}/api/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** One sample's value from Prometheus text, e.g. `keydesk_verifications_total{outcome="VALID",path="fast"}`. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in:\n${text.slice(0, 2000)}`);
  return Number(line.slice(series.length + 1));
}

describe("SIGTERM under load, then /api/metrics on the restarted server", () => {
  let second: RunningServer;
  let tenant: Awaited<ReturnType<typeof createRemoteTenant>>;
  let key: { id: string; key: string };

  it("finishes in-flight keep-alive requests and writes every verification a client saw answered", async () => {
    const first = await start();
    tenant = await createRemoteTenant(first.url, "sigterm");
    key = await tenant.createKey();
    const load = startLoad({ url: first.url, headers: { "x-api-key": key.key }, connections: 6 });
    await waitFor("traffic", () => load.received >= 300);
    // A request still being uploaded when SIGTERM arrives: shutdown must wait for it, answer it,
    // and count it — the flush comes after the last request, not before.
    const slow = slowVerify(first.url, key.key);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = first.stop("SIGTERM");
    await waitFor("shutdown to begin", () => first.output().includes("shutting down"));
    await new Promise((resolve) => setTimeout(resolve, 500));
    slow.finish();
    const slowAnswer = await slow.answered;
    expect(slowAnswer.status).toBe(200);
    expect(JSON.parse(slowAnswer.body)).toMatchObject({ valid: expect.any(Boolean) });
    const exit = await exited;
    const result = await load.stop();
    expect(exit).toBe(0);
    expect(first.output()).toContain("shut down cleanly");
    expect(first.output()).not.toContain("requests still running at the shutdown timeout");

    second = await start();
    const totals = await withBaseUrl(tenant, second.url).usageTotals(key.id);
    // Every answer the clients received was counted and written before the process exited.
    expect(sumOf(totals)).toBe(result.countedAt.length + 1);
  });

  it("answers an anonymous or wrong-token caller 401 in the envelope, even in a flood", async () => {
    const anonymous = await metricsOf(second.url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect((await anonymous.json()).error.code).toBe("UNAUTHORIZED");
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => metricsOf(second.url, i % 2 ? "wrong-token" : undefined)),
    );
    expect(new Set(statuses.map((res) => res.status))).toEqual(new Set([401]));
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
  });

  it("reports verifications by outcome and path, latency, key cache, usage buffer and database", async () => {
    for (let i = 0; i < 5; i++)
      await fetch(`${second.url}/api/v1/whoami`, { headers: { "x-api-key": key.key } });
    await fetch(`${second.url}/api/v1/whoami`, { headers: { "x-api-key": "ak_live_nope" } });
    const res = await metricsOf(second.url, METRICS_TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const valid = sample(text, 'keydesk_verifications_total{outcome="VALID",path="fast"}');
    const limited = sample(text, 'keydesk_verifications_total{outcome="RATE_LIMITED",path="fast"}');
    expect(valid + limited).toBe(5);
    expect(sample(text, 'keydesk_verifications_total{outcome="INVALID_API_KEY",path="fast"}')).toBe(1);
    expect(sample(text, 'keydesk_verification_duration_seconds_count{path="fast"}')).toBe(6);
    expect(sample(text, 'keydesk_verification_duration_seconds_bucket{path="fast",le="+Inf"}')).toBe(6);
    expect(sample(text, "keydesk_key_cache_lookups_total")).toBe(5);
    expect(sample(text, "keydesk_key_cache_misses_total")).toBe(1);
    expect(sample(text, "keydesk_key_cache_hit_ratio")).toBeCloseTo(0.8);
    expect(sample(text, "keydesk_key_cache_entries")).toBeGreaterThanOrEqual(1);
    // Written, and nothing left behind (the requests above may straddle two flushes).
    await waitFor("the usage written", async () => {
      const now = await (await metricsOf(second.url, METRICS_TOKEN)).text();
      return (
        sample(now, "keydesk_usage_flushes_total") > 0 && sample(now, "keydesk_usage_buffer_pending") === 0
      );
    });
    const later = await (await metricsOf(second.url, METRICS_TOKEN)).text();
    for (const series of [
      "keydesk_usage_buffer_pending",
      "keydesk_usage_flush_failures_total",
      "keydesk_usage_dropped_total",
      "keydesk_db_pool_errors_total",
      "keydesk_db_listen_reconnects_total",
      "keydesk_redis_errors_total",
    ])
      expect(sample(later, series), series).toBe(0);
    expect(text).toContain("process_cpu_user_seconds_total");
    // Nothing that identifies a tenant, a key or a caller.
    expect(text).not.toContain(key.id);
    expect(text).not.toContain(tenant.tenantId);
  });
});
