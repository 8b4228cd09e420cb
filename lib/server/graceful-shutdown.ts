import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { log } from "@/lib/log";
import { markShuttingDown } from "./shutdown-state";

/**
 * Counts requests in flight, so that shutdown can wait for them. `server.close()` alone stops
 * accepting connections but neither waits for the requests on open keep-alive connections nor
 * stops clients from sending more on them.
 */
export function trackRequests(server: Server) {
  const active = new Set<ServerResponse>();
  let draining = false;
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    active.add(res);
    // While draining, every response ends its connection, so clients reconnect elsewhere.
    if (draining) res.shouldKeepAlive = false;
    res.once("close", () => {
      active.delete(res);
      if (draining) server.closeIdleConnections();
    });
  });

  return {
    get inFlight() {
      return active.size;
    },

    /** Stops accepting, lets in-flight requests finish (up to `timeoutMs`), then closes every connection. */
    async drain(timeoutMs: number): Promise<{ unfinished: number }> {
      draining = true;
      for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
      server.close();
      server.closeIdleConnections();
      const deadline = Date.now() + timeoutMs;
      while (active.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeIdleConnections();
      }
      const unfinished = active.size;
      server.closeAllConnections();
      return { unfinished };
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
    log.info("shutting down", { signal, inFlight: requests.inFlight });
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
