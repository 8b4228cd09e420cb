import "./lib/server/allow-server-only";
import { createServer } from "node:http";
import next from "next";
import { POST as verifyRoute } from "./app/api/v1/verify/route";
import { GET as whoamiRoute } from "./app/api/v1/whoami/route";
import { closeDb, databaseDriver } from "./db/client";
import { EnvError, exportFrameworkEnv, getEnv } from "./lib/env";
import { describeError, log } from "./lib/log";
import { createFastPath } from "./lib/server/fast-path";
import { installShutdown } from "./lib/server/graceful-shutdown";
import { createClientIpStamper } from "./lib/server/stamp-client-ip";
import { closeStores, getStores } from "./lib/stores";
import { getVerifier, stopVerifier } from "./lib/verify/runtime";

/**
 * The one server for `npm run dev` and `npm start`. It owns the socket, so it knows the true peer
 * address, stamps it on every request (see lib/api/client-ip.ts) and hands the request to Next.
 * SPEC §7's fast path for the verification routes will be served from here too.
 */
async function main() {
  const env = getEnv();
  exportFrameworkEnv(env);
  const dev = env.nodeEnv !== "production";
  log.info("starting keydesk", { mode: dev ? "development" : "production", port: env.port });

  const driver = await databaseDriver();
  log.info("database ready", { driver, ...(driver === "pglite" ? { dataDir: env.dataDir } : {}) });
  // Connect to Redis and LISTEN for key changes now, not on the first request: the first limits
  // are then shared ones, and no early request waits for the subscription.
  getStores();
  getVerifier();
  if (!dev && !env.metricsToken) log.warn("METRICS_TOKEN is not set: /api/metrics is open to anyone");

  const app = next({ dev, port: env.port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const stamp = createClientIpStamper(env);
  // In development Next serves these too, so edits hot-reload; the handlers are the same functions.
  const fastPath = dev
    ? undefined
    : createFastPath({ "/api/v1/whoami": { GET: whoamiRoute }, "/api/v1/verify": { POST: verifyRoute } });

  const server = createServer((req, res) => {
    stamp(req);
    const fast = fastPath?.match(req);
    const served = fast ? fastPath!.serve(fast, req, res) : handle(req, res);
    served.catch((error: unknown) => {
      log.error("request failed", describeError(error));
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("Content-Type", "application/json");
        res.end(
          JSON.stringify({ error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side." } }),
        );
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(env.port, () =>
    log.info(`listening on http://localhost:${env.port}`, { appUrl: env.appUrl }),
  );

  installShutdown({
    server,
    drainTimeoutMs: env.shutdownTimeoutMs,
    // Usage still in memory is written after the last request and before the database closes.
    flush: () => stopVerifier(),
    close: async () => {
      await Promise.allSettled([closeStores(), app.close()]);
      await closeDb();
    },
  });
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error(`Keydesk failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
