import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { log } from "@/lib/log";
import { markShuttingDown } from "./shutdown-state";

/**
 * Drains a server on shutdown. `server.close()` alone stops accepting connections but neither waits
 * for the requests on open keep-alive connections nor stops clients from sending more on them.
 * Node already tracks every connection and whether it is inside a request, so nothing is added per
 * request on the hot path (SPEC §7): draining closes each connection as soon as it is idle.
 */
export function trackRequests(server: Server) {
  let draining = false;
  // While draining, every response ends its connection, so clients reconnect elsewhere.
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) res.shouldKeepAlive = false;
  });
  const openConnections = () =>
    new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count ?? 0)));

  return {
    openConnections,

    /** Stops accepting, lets in-flight requests finish (up to `timeoutMs`), then closes every connection. */
    async drain(timeoutMs: number): Promise<{ unfinished: number }> {
      draining = true;
      server.close();
      server.closeIdleConnections();
      const deadline = Date.now() + timeoutMs;
      let open = await openConnections();
      while (open > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeIdleConnections();
        open = await openConnections();
      }
      server.closeAllConnections();
      return { unfinished: open };
    },
  };
}

export type ShutdownSteps = {
  server: Server;
  drainTimeoutMs: number;
  /** After the last request: write what is still in memory (usage). */
  flush: () => Promise<void>;
  /** Then release everything else, the database last. */
  close: () => Promise<void>;
};

/**
 * SIGTERM/SIGINT: stop accepting and mark the instance not ready, finish in-flight requests
 * within the timeout, then flush, then close. A second signal or a stuck step cannot keep the
 * process alive past the sum of the bounds plus a margin.
 */
export function installShutdown(steps: ShutdownSteps): void {
  const requests = trackRequests(steps.server);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    markShuttingDown();
    log.info("shutting down", { signal, openConnections: await requests.openConnections() });
    const forceExit = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, steps.drainTimeoutMs + 20_000);
    forceExit.unref();
    const { unfinished } = await requests.drain(steps.drainTimeoutMs);
    if (unfinished > 0) log.warn("requests still running at the shutdown timeout were cut", { unfinished });
    await steps.flush();
    await steps.close();
    log.info("shut down cleanly");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
