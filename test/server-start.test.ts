import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The real server entry point, started with bad settings: one clear line, exit code 1. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { PATH: process.env.PATH, KEYDESK_DATA_DIR: "memory://", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("server.ts with a bad environment", () => {
  it.each([
    [{ PORT: "eighty" }, /^Invalid environment variable PORT: .*"eighty"/],
    [
      { NODE_ENV: "production" },
      /^Invalid environment variable AUTH_SECRET: required when NODE_ENV=production/,
    ],
    [{ DATABASE_URL: "mysql://root@db/keydesk" }, /^Invalid environment variable DATABASE_URL/],
    // Without APP_URL next-auth would set its session cookie without Secure.
    [
      { NODE_ENV: "production", AUTH_SECRET: "start-test-auth-secret-0123456789-abcdef" },
      /^Invalid environment variable APP_URL: required when NODE_ENV=production/,
    ],
  ])("%j stops the start with one line", (env, expected) => {
    const result = start(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(result.stderr).not.toContain("    at ");
  });
});
