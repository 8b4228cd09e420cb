// Starts the production server for Playwright on a fresh embedded database, so runs never see
// each other's accounts or login throttles.
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
    DATABASE_URL: "",
    REDIS_URL: "",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
