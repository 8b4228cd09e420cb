import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const children: ChildProcess[] = [];

/** Starts a baseline server (scripts/bench/baseline-*.mjs), which prints its port on stdout. */
export function startBaseline(script: string, args: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(child);
    child.once("error", reject);
    child.stdout!.once("data", (chunk: Buffer) => resolve(Number.parseInt(chunk.toString(), 10)));
  });
}

export type KeydeskServer = { base: string; pid: number; label: string };

export const METRICS_TOKEN = "bench-only-metrics-token-0123456789";

/**
 * The production server (server.ts over the production build of `checkout`, by default this one)
 * on `port`, against `databaseUrl`.
 * Loopback callers are exempt from the miss budget, as a tenant's gateway would be: cold runs make
 * one database look-up per request on purpose.
 */
export async function startKeydesk(
  label: string,
  port: number,
  databaseUrl: string,
  checkout: string = process.cwd(),
): Promise<KeydeskServer> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: checkout,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: base,
      DATABASE_URL: databaseUrl,
      REDIS_URL: "",
      AUTH_SECRET: "bench-only-auth-secret-0123456789abcdefghijkl",
      METRICS_TOKEN,
      LOG_LEVEL: "error",
      VERIFY_MISS_BUDGET_EXEMPT: "127.0.0.1/32, ::1",
      SIGNUP_RATE_LIMIT: "1000",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`${label} server exited (${code}) before it was ready`))),
  );
  await Promise.race([waitFor(`${base}/api/health`), exited]);
  return { base, pid: child.pid!, label };
}

export async function waitFor(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * SIGTERM to every child; resolves once all have exited (at most `timeoutMs`, then SIGKILL), so a
 * database is dropped only after the servers' graceful shutdown has written its last usage.
 */
export async function stopChildren(timeoutMs = 15_000): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  for (const child of running) child.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  }, timeoutMs);
  await Promise.all(exited);
  clearTimeout(timer);
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

/** Samples a process's RSS every 200 ms until stopped; reports the highest seen. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}
