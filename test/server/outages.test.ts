import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTenant, type RemoteTenant, sumOf } from "./client";
import { type RunningServer, startServer } from "./harness";
import { es256Client } from "./jwt";
import { startLoad, waitFor } from "./load";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

/**
 * PostgreSQL and Redis cut off from a running server.ts by TCP proxies the test controls (the
 * services themselves are shared with other test runs and never stopped).
 */
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const suite = databaseUrl && redisUrl ? describe : describe.skip;
const title = "outages of PostgreSQL and Redis";

let server: RunningServer;
let pg: TcpProxy;
let redis: TcpProxy;
let tenant: RemoteTenant;

const whoami = (key: string) => fetch(`${server.url}/api/v1/whoami`, { headers: { "x-api-key": key } });
const bearer = (token: string) =>
  fetch(`${server.url}/api/v1/whoami`, { headers: { authorization: `Bearer ${token}` } });

async function timed(request: () => Promise<Response>) {
  const started = Date.now();
  const res = await request();
  return { status: res.status, body: await res.json(), ms: Date.now() - started };
}

beforeAll(async () => {
  if (!databaseUrl || !redisUrl) return;
  const target = (url: string, port: number) => ({
    host: new URL(url).hostname,
    port: Number(new URL(url).port || port),
  });
  pg = await startTcpProxy(target(databaseUrl, 5432));
  redis = await startTcpProxy(target(redisUrl, 6379));
  server = await startServer({
    env: { DATABASE_URL: pg.url(databaseUrl), REDIS_URL: redis.url(redisUrl), DATABASE_TIMEOUT_MS: "1000" },
  });
  tenant = await createRemoteTenant(server.url, "outage");
  // Room for the load below: the point here is outages, not limits.
  const raised = await tenant.manage("/api/tenants/me", {
    method: "PATCH",
    body: { rateLimitPerMinute: 100_000 },
  });
  expect(raised.status).toBe(200);
});

afterAll(async () => {
  await server?.stop("SIGKILL");
  await pg?.close();
  await redis?.close();
});

suite(`${title} (needs DATABASE_URL and REDIS_URL; runs in test:server:pg)`, () => {
  it.each(["stop", "blackhole"] as const)("PostgreSQL %s for a while under load", async (mode) => {
    const cached = await tenant.createKey();
    const uncached = await tenant.createKey();
    expect((await whoami(cached.key)).status).toBe(200);
    const load = startLoad({
      url: server.url,
      headers: { "x-api-key": cached.key },
      connections: 2,
      pauseMs: 5,
    });
    await waitFor("traffic", () => load.received >= 20);

    if (mode === "stop") pg.stop();
    else pg.blackhole();
    const cutAt = Date.now();
    const during = await timed(() => whoami(uncached.key));
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe("SERVICE_UNAVAILABLE");
    expect(during.ms).toBeLessThan(2000);
    const ready = await timed(() => fetch(`${server.url}/api/ready`));
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2000);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await whoami(cached.key)).status).toBe(200);
    // The outage lasts a while, with traffic on the cached key all along.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + 10_000 - Date.now())));
    expect((await whoami(cached.key)).status).toBe(200);
    pg.resume();

    await waitFor("recovery", async () => (await whoami(uncached.key)).status === 200, 30_000);
    await waitFor("readiness", async () => (await fetch(`${server.url}/api/ready`)).status === 200, 30_000);
    const result = await load.stop();
    expect(result.failures).toBe(0);
    expect(result.statuses[500]).toBeUndefined();
    // Usage counted while the database was away is written once it is back: the load's answers
    // plus the three direct checks of the cached key above.
    const expected = result.countedAt.length + 3;
    await waitFor(
      "usage written",
      async () => sumOf(await tenant.usageTotals(cached.id)) === expected,
      30_000,
    );
    expect(sumOf(await tenant.usageTotals(cached.id))).toBe(expected);

    // And revocations are heard again (the LISTEN connection is back).
    expect(
      (await tenant.manage(`/api/tenants/me/api-keys/${cached.id}`, { method: "DELETE", body: {} })).status,
    ).toBe(200);
    await waitFor("revocation", async () => (await whoami(cached.key)).status === 401, 10_000);
    expect(server.output()).not.toMatch(/unhandled|INTERNAL_ERROR/i);
  });

  it("Redis stops: secret keys still verify (local limits), jti tokens get 503, logins are still throttled", async () => {
    const secret = await tenant.createKey();
    const client = es256Client();
    const signed = await tenant.createKey({ type: "public_key", publicKey: client.publicKeyPem });
    expect((await bearer(client.token(signed.id))).status).toBe(200);

    redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 20; i++) expect((await whoami(secret.key)).status).toBe(200);
    const replayable = await timed(() => bearer(client.token(signed.id)));
    expect(replayable.status).toBe(503);
    expect(replayable.body.error.code).toBe("SERVICE_UNAVAILABLE");
    expect(replayable.ms).toBeLessThan(2000);
    // Tokens without a jti asked for no replay check and are unaffected.
    expect((await bearer(client.token(signed.id, ""))).status).toBe(200);
    const login = (password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: tenant.email, password }),
      });
    const failures = [];
    for (let i = 0; i < 6; i++) failures.push((await login("wrong password!")).status);
    expect(failures.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(failures[5]).toBe(429);

    redis.resume();
    const token = client.token(signed.id);
    await waitFor("Redis back", async () => (await bearer(token)).status === 200, 30_000);
    expect((await bearer(token)).status).toBe(401);
    const metrics = await (await fetch(`${server.url}/api/metrics`)).text();
    expect(metrics).toMatch(/keydesk_ratelimit_fallbacks_total [1-9]/);
    expect(metrics).toMatch(/keydesk_redis_errors_total [1-9]/);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/unhandled|ioredis\] Unhandled error event/i);
  });
});
