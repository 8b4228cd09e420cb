import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Runs the real `server.ts` in production mode (against the `next build` output), as `npm start`
 * does, so tests can reach the socket fast path, server timeouts, body caps, signals and several
 * instances. Each server gets its own port and, unless told otherwise, its own embedded database
 * and Redis namespace; DATABASE_URL / REDIS_URL of the test run are passed through (test:server:pg).
 */
export type RunningServer = {
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr interleaved). */
  output(): string;
  /** Sends a signal and resolves with the exit code (or the signal name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  exited: Promise<number | string>;
};

export type StartOptions = {
  env?: Record<string, string | undefined>;
  port?: number;
  /** Shared by instances that must see each other's limits and replay records. */
  redisPrefix?: string;
  /** How long to wait for /api/health; PGlite's first start takes a while on 2 cores. */
  readyTimeoutMs?: number;
  /**
   * An embedded database directory to use and keep (a restart after a crash reads it again);
   * by default each server gets a fresh one, removed when it exits.
   */
  dataDir?: string;
};

const ROOT = path.resolve(__dirname, "..", "..");

export function hasProductionBuild(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "keydesk-srv-"));
}

export function uniqueRedisPrefix(): string {
  return `keydesk-srvtest-${randomBytes(4).toString("hex")}:`;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "keydesk-srv-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: url,
    AUTH_SECRET: "server-test-auth-secret-0123456789-abcdefgh",
    KEYDESK_DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    REDIS_PREFIX: options.redisPrefix ?? uniqueRedisPrefix(),
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      resolve(code ?? signal ?? "unknown");
    });
  });
  const server: RunningServer = {
    port,
    url,
    child,
    output: () => output,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server.ts exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop("SIGKILL");
  throw new Error(`server.ts did not become healthy on ${url}:\n${output}`);
}
