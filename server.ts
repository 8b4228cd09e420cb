import "./lib/server/allow-server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { POST as verifyRoute } from "./app/api/v1/verify/route";
import { GET as whoamiRoute } from "./app/api/v1/whoami/route";
import { closeDb, databaseDriver } from "./db/client";
import { EnvError, exportFrameworkEnv, getEnv } from "./lib/env";
import { errorOutput } from "./lib/errors/envelope";
import { describeError, log } from "./lib/log";
import { startRetentionJob, stopRetentionJob } from "./lib/retention/runtime";
import { createFastPath } from "./lib/server/fast-path";
import { installShutdown } from "./lib/server/graceful-shutdown";
import { guardBody } from "./lib/server/guard-body";
import { limitHeapGrowth } from "./lib/server/heap-growth";
import { hstsValue } from "./lib/server/security-headers";
import { createClientIpStamper } from "./lib/server/stamp-client-ip";
import { writeOutput } from "./lib/server/write-output";
import { closeStores, getStores } from "./lib/stores";
import { getVerifier, stopVerifier } from "./lib/verify/runtime/runtime";
import { startWebhookWorker, stopWebhookWorker } from "./lib/webhooks/runtime";

/**
 * The one server for `npm run dev` and `npm start`. It owns the socket, so it knows the true peer
 * address, stamps it on every request (see lib/http/client-ip.ts), serves the verification routes
 * from the socket in production (SPEC §7, lib/server/fast-path.ts) and hands the rest to Next.
 *
 * Node's defaults let a client that trickles its headers hold a socket for 60–90 s (headersTimeout
 * 60 s, checked every 30 s). Headers must arrive within 20 s and a whole request within 30 s,
 * checked every second, so such a socket is cut within ~21 s. Bodies are at most 1 MiB.
 */
const SOCKET_LIMITS = { headersTimeout: 20_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };

async function main() {
  const env = getEnv();
  exportFrameworkEnv(env);
  limitHeapGrowth(env.heapGrowthPercent);
  const dev = env.nodeEnv !== "production";
  log.info("starting keydesk", { mode: dev ? "development" : "production", port: env.port });

  const driver = await databaseDriver();
  log.info("database ready", { driver, ...(driver === "pglite" ? { dataDir: env.dataDir } : {}) });
  // Connect to Redis and LISTEN for key changes now, not on the first request: the first limits
  // are then shared ones, and no early request waits for the subscription.
  getStores();
  getVerifier();
  startWebhookWorker();
  startRetentionJob();
  if (!dev && !env.metricsToken) log.warn("METRICS_TOKEN is not set: /api/metrics is open to anyone");

  const app = next({ dev, port: env.port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const stamp = createClientIpStamper(env);
  // In development Next serves these too, so edits hot-reload; the handlers are the same functions.
  const hsts = hstsValue(env.appUrl);
  const fastPath = dev
    ? undefined
    : createFastPath(
        { "/api/v1/whoami": { GET: whoamiRoute }, "/api/v1/verify": { POST: verifyRoute } },
        { hsts },
      );
  // Next reads some bodies itself (next-auth, server actions): server.ts caps them first.
  const toNext = async (req: IncomingMessage, res: ServerResponse) => {
    if (hsts) res.setHeader("strict-transport-security", hsts);
    const guarded = await guardBody(req, res);
    if (guarded) await handle(guarded, res);
  };

  const failed = (res: ServerResponse, error: unknown) => {
    log.error("request failed", describeError(error));
    if (!res.headersSent) writeOutput(res, errorOutput("INTERNAL_ERROR"));
  };

  const server = createServer(SOCKET_LIMITS, (req, res) => {
    const clientIp = stamp(req);
    const fast = fastPath?.match(req);
    let served: void | Promise<void>;
    try {
      // A cached key is answered synchronously, before this returns (SPEC §7, issue 10).
      served = fast
        ? fastPath!.serve(fast, req, res, clientIp, (error) => failed(res, error))
        : toNext(req, res);
    } catch (error) {
      return failed(res, error);
    }
    served?.catch((error: unknown) => failed(res, error));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(env.port, () =>
    log.info(`listening on http://localhost:${env.port}`, { appUrl: env.appUrl }),
  );

  installShutdown({
    server,
    drainTimeoutMs: env.shutdownTimeoutMs,
    // Usage still in memory, and the webhook sends under way, are recorded after the last request
    // and before the database closes.
    flush: async () => {
      await Promise.all([stopVerifier(), stopWebhookWorker(), stopRetentionJob()]);
    },
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
