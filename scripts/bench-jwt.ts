/**
 * Client-JWT verification, Keydesk's own ES256 code against jose, on the same tokens and key:
 *   npx tsx scripts/bench-jwt.ts [seconds per run, default 1]
 * One process, one core, sequential awaits (as a request handler calls them). The key is an imported
 * KeyObject in both cases, as Keydesk's key cache holds it; jose gets the same one. Figures are
 * recorded in docs/decisions.md ("Client JWTs: our own ES256 code, not jose").
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { compactVerify, jwtVerify } from "jose";
import { verifyClientJwt } from "../lib/jwt/verify-client-jwt";

const seconds = Number(process.argv[2] ?? 1);
const KEY_ID = "key_AbCdEfGhIjKlMnOpQrStUvWx";
const NOW_MS = Date.UTC(2026, 0, 1);
const NOW_S = NOW_MS / 1000;

const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const b64 = (data: string | Buffer) => Buffer.from(data).toString("base64url");

function token(jti: string): string {
  const input = `${b64(JSON.stringify({ alg: "ES256", typ: "JWT" }))}.${b64(
    JSON.stringify({ sub: KEY_ID, iat: NOW_S - 5, exp: NOW_S + 295, jti }),
  )}`;
  return `${input}.${b64(sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" }))}`;
}

const valid = Array.from({ length: 256 }, (_, i) => token(`jti-${i}`));
/** The same tokens with one signature character changed: well-formed, wrong signature. */
const badSignature = valid.map((t) => `${t.slice(0, -2)}${t.at(-2) === "A" ? "B" : "A"}${t.at(-1)}`);
/** Three segments, but the header is not JSON: refused before any signature work. */
const malformed = valid.map((t) => `eyJub3Rqc29u.${t.split(".")[1]}.${t.split(".")[2]}`);

const resolved = { keyObject: publicKey };
const ours = async (t: string) =>
  (
    await verifyClientJwt(t, {
      now: NOW_MS,
      audience: "https://keys.example.com",
      leewaySeconds: 60,
      resolveKey: () => resolved,
      maxLifetimeSeconds: () => 900,
    })
  ).ok;
const joseJwt = (t: string) =>
  jwtVerify(t, publicKey, { algorithms: ["ES256"], currentDate: new Date(NOW_MS), clockTolerance: 60 }).then(
    () => true,
    () => false,
  );
const joseCompact = (t: string) =>
  compactVerify(t, publicKey, { algorithms: ["ES256"] }).then(
    () => true,
    () => false,
  );

type Sample = { opsPerSecond: number; cpuMicrosPerOp: number };

/** One timed run: wall-clock throughput, and the process's CPU time per verification. */
async function measure(verify: (t: string) => Promise<boolean>, tokens: string[]): Promise<Sample> {
  let ops = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 64; i++) await verify(tokens[(ops + i) % tokens.length]!);
    ops += 64;
  }
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { opsPerSecond: ops / elapsed, cpuMicrosPerOp: (used.user + used.system) / ops };
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const verifiers = {
  "keydesk verifyClientJwt": ours,
  "jose jwtVerify": joseJwt,
  "jose compactVerify": joseCompact,
};
const cases = {
  valid: [valid, true],
  "bad signature": [badSignature, false],
  malformed: [malformed, false],
} as const;

async function main() {
  const rounds = 5;
  for (const [name, verify] of Object.entries(verifiers))
    for (const [label, [tokens, expected]] of Object.entries(cases))
      for (const t of tokens)
        if ((await verify(t)) !== expected) throw new Error(`${name} disagreed on ${label}`);
  // Rounds interleave the verifiers, so a neighbour's load on a shared machine hits all of them alike.
  const samples = new Map<string, Sample[]>();
  for (let round = 0; round < rounds; round++)
    for (const [label, [tokens]] of Object.entries(cases))
      for (const [name, verify] of Object.entries(verifiers)) {
        const key = `${name}|${label}`;
        samples.set(key, [...(samples.get(key) ?? []), await measure(verify, tokens)]);
      }
  console.info(`node ${process.version}; median of ${rounds} rounds of ${seconds} s; ops/s (CPU µs per op)`);
  console.info(["verifier".padEnd(26), ...Object.keys(cases).map((c) => c.padStart(18))].join(""));
  for (const name of Object.keys(verifiers)) {
    const row = [name.padEnd(26)];
    for (const label of Object.keys(cases)) {
      const all = samples.get(`${name}|${label}`)!;
      const ops = Math.round(median(all.map((s) => s.opsPerSecond)));
      const cpu = median(all.map((s) => s.cpuMicrosPerOp)).toFixed(0);
      row.push(`${ops} (${cpu})`.padStart(18));
    }
    console.info(row.join(""));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
