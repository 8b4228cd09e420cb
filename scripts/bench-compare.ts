/**
 * `npm run bench:compare -- <other checkout> [--rounds N] [--duration S]`: did a change make the
 * verification path slower? This checkout and another one (say, a git worktree of the commit before
 * the change, with `npm ci` and `npm run build` run in it)
 * serve side by side, each on its own fresh PostgreSQL database, next to the bare node:http
 * baseline of `npm run bench`. Each round loads the bare server, then each route on each checkout,
 * in turn, so drift on a shared machine hits all alike; the medians are compared.
 */
import "../lib/server/allow-server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { type AutocannonTarget, run } from "./bench/load";
import { type KeydeskServer, startBaseline, startKeydesk, stopChildren } from "./bench/processes";
import { databaseUrl, dropDatabase, recreateDatabase } from "./bench/seed";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const other = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
const rounds = option("--rounds", 5);
const load = { connections: 50, duration: option("--duration", 5), warmup: 1 };
const PORT = Number(process.env.BENCH_PORT ?? 3200);

async function api(base: string, pathname: string, body: unknown, token?: string, method = "POST") {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { ok: res.ok, status: res.status, body: await res.json() };
}

/** A tenant with the highest limit the checkout allows (older ones have no "Unlimited") and one secret key. */
async function secretKeyOn(server: KeydeskServer): Promise<string> {
  const email = `compare-${Date.now()}@example.com`;
  const password = "bench password 123";
  await api(server.base, "/api/auth/register", { email, password, tenantName: "Compare" });
  const { accessToken } = (await api(server.base, "/api/auth/login", { email, password })).body;
  for (const limit of [null, 60_000_000, 1_000_000]) {
    if ((await api(server.base, "/api/tenants/me", { rateLimitPerMinute: limit }, accessToken, "PATCH")).ok)
      break;
  }
  const created = await api(
    server.base,
    "/api/tenants/me/api-keys",
    { name: "compare", type: "secret", environment: "live" },
    accessToken,
  );
  if (!created.ok) throw new Error(`${server.label}: creating a key failed (${created.status})`);
  return created.body.key;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  if (!other || !existsSync(path.join(other, ".next/BUILD_ID"))) {
    throw new Error("usage: npm run bench:compare -- <other checkout, built> [--rounds N] [--duration S]");
  }
  const checkouts = [
    { label: "this", dir: process.cwd() },
    { label: path.basename(path.resolve(other)), dir: path.resolve(other) },
  ];
  const names = checkouts.map((_, i) => `keydesk_bench_compare_${i}`);
  await Promise.all(names.map(recreateDatabase));
  try {
    const servers = await Promise.all(
      checkouts.map((c, i) => startKeydesk(c.label, PORT + i, databaseUrl(names[i]!), c.dir)),
    );
    const keys = [await secretKeyOn(servers[0]!), await secretKeyOn(servers[1]!)];
    const barePort = await startBaseline("scripts/bench/baseline-sha.mjs");
    const targets: (AutocannonTarget & { name: string })[] = [
      {
        name: "bare node:http, SHA-256 + Map",
        url: `http://127.0.0.1:${barePort}/`,
        headers: { "x-api-key": "key-7" },
      },
      ...servers.flatMap((server, i): (AutocannonTarget & { name: string })[] => [
        {
          name: `${server.label}: whoami`,
          url: `${server.base}/api/v1/whoami`,
          headers: { "x-api-key": keys[i]! },
        },
        {
          name: `${server.label}: verify`,
          url: `${server.base}/api/v1/verify`,
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ key: keys[i] }),
        },
      ]),
    ];
    const rps = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= rounds; round++) {
      console.info(`\nround ${round} of ${rounds}`);
      for (const { name, ...target } of targets) {
        const row = await run(name, target, load);
        if (row.non2xx > 0) throw new Error(`${name}: ${row.non2xx} answers were not 2xx`);
        rps.get(name)!.push(row.rps);
      }
    }
    const bare = median(rps.get(targets[0]!.name)!);
    console.info(`\n| route | median req/s | % of bare | runs |\n|---|---:|---:|---|`);
    for (const [name, values] of rps) {
      console.info(
        `| ${name} | ${median(values)} | ${((100 * median(values)) / bare).toFixed(1)} % | ${values.join(", ")} |`,
      );
    }
    for (const route of ["whoami", "verify"]) {
      const [mine, theirs] = servers.map((s) => median(rps.get(`${s.label}: ${route}`)!));
      console.info(
        `${route}: this checkout at ${((100 * mine!) / theirs!).toFixed(1)} % of ${checkouts[1]!.label}`,
      );
    }
  } finally {
    await stopChildren();
    await Promise.all(names.map(dropDatabase));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    void stopChildren().finally(() => process.exit(1));
  },
);
