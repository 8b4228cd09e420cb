// Starts the production server for Playwright on a fresh embedded database (or on E2E_DATABASE_URL /
// E2E_REDIS_URL when set), so runs never see each other's accounts or login throttles.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dataDir = mkdtempSync(path.join(tmpdir(), "keydesk-e2e-"));
const port = process.env.E2E_PORT ?? "3100";
const child = spawn("npm", ["run", "start"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    KEYDESK_DATA_DIR: dataDir,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-auth-secret-0123456789abcdefghij",
    // Embedded PGlite unless the run asks for the real servers (test-all.sh does, for a second pass).
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    REDIS_URL: process.env.E2E_REDIS_URL ?? "",
    REDIS_PREFIX: `keydesk-e2e-${Date.now()}:`,
    // Every journey signs up its own tenant from this one address.
    SIGNUP_RATE_LIMIT: process.env.SIGNUP_RATE_LIMIT ?? "1000",
    // Journeys send bursts of calls and look for each in a key's log: no sampling (it has its own
    // tests, lib/usage/verification-log-buffer.test.ts).
    VERIFICATION_LOG_SAMPLE_PER_SECOND: "1000000",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
