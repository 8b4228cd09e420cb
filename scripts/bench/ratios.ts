import { generateKeyPairSync, sign } from "node:crypto";
import type { BenchConfig } from "./config";
import { type AutocannonTarget, type Row, run } from "./load";
import { type KeydeskServer, sampleRss, startBaseline } from "./processes";
import { api, type BenchTenant } from "./tenant";

/** A client ES256 JWT for the public key `sub` names, valid for 15 minutes. */
function es256Token(privateKey: import("node:crypto").KeyObject, sub: string) {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  // No jti: the same token is sent on every request, which replay protection would (rightly) refuse.
  const input = `${b64({ alg: "ES256", typ: "JWT" })}.${b64({ sub, iat: now, exp: now + 900 })}`;
  return `${input}.${sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
}

/** The median row of one target's rounds (each field on its own), its runs' rates in the name. */
function medianRow(name: string, runs: readonly Row[]): Row {
  const mid = (field: "rps" | "p50" | "p99") =>
    runs.map((r) => r[field]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const rates =
    runs.length > 1 ? ` (median of ${runs.map((r) => r.rps.toLocaleString("en-US")).join(", ")})` : "";
  return {
    name: `${name}${rates}`,
    rps: mid("rps"),
    p50: mid("p50"),
    p99: mid("p99"),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

/**
 * SPEC §7's ratios on the small database, each Keydesk route next to its bare baseline, in
 * interleaved rounds (see `ratioRounds`), each round in a rotated order. Run before the large database is seeded, so PostgreSQL
 * writing out ten million rows cannot weigh on one target more than another.
 */
export async function ratios(
  server: KeydeskServer,
  tenant: BenchTenant,
  config: BenchConfig,
  secret: string,
): Promise<{ rows: Row[]; rss: number }> {
  const load = { connections: config.connections, duration: config.duration, warmup: config.warmup };
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
  const shaPort = await startBaseline("scripts/bench/baseline-sha.mjs");
  const jwtPort = await startBaseline("scripts/bench/baseline-jwt.mjs", [
    Buffer.from(publicPem).toString("base64"),
  ]);
  const publicKey = await api(
    server.base,
    "/api/tenants/me/api-keys",
    { name: "bench jwt", type: "public_key", publicKey: publicPem },
    tenant.accessToken,
  );
  const token = es256Token(pair.privateKey, publicKey.id);
  // The order of the report's table (report.ts reads the rows by position).
  const targets: (AutocannonTarget & { name: string; rss?: true })[] = [
    {
      name: "bare node:http, SHA-256 + Map lookup",
      url: `http://127.0.0.1:${shaPort}/`,
      headers: { "x-api-key": "key-7" },
    },
    { name: "next route handler, static JSON (/api/health)", url: `${server.base}/api/health` },
    {
      name: "keydesk GET /api/v1/whoami, secret key",
      url: `${server.base}/api/v1/whoami`,
      headers: { "x-api-key": secret },
      rss: true,
    },
    {
      name: "keydesk POST /api/v1/verify, secret key",
      url: `${server.base}/api/v1/verify`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: secret }),
    },
    {
      name: "bare node:http, ES256 JWT verify",
      url: `http://127.0.0.1:${jwtPort}/`,
      headers: { authorization: `Bearer ${token}` },
    },
    {
      name: "keydesk GET /api/v1/whoami, ES256 JWT",
      url: `${server.base}/api/v1/whoami`,
      headers: { authorization: `Bearer ${token}` },
    },
  ];
  const runs = targets.map(() => [] as Row[]);
  let rss = 0;
  const ratioLoad = { ...load, duration: config.ratioDuration };
  for (let round = 1; round <= config.ratioRounds; round++) {
    console.info(`  round ${round} of ${config.ratioRounds}`);
    // Each round starts one target later: none always runs first after a pause (or last).
    for (let k = 0; k < targets.length; k++) {
      const i = (k + round - 1) % targets.length;
      const { name, rss: sampled, ...target } = targets[i]!;
      const sampler = sampled ? sampleRss(server.pid) : null;
      runs[i]!.push(await run(name, target, ratioLoad));
      if (sampler) rss = Math.max(rss, sampler.stop());
    }
  }
  return { rows: targets.map((t, i) => medianRow(t.name, runs[i]!)), rss };
}
