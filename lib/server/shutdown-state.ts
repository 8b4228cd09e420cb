const SHUTDOWN_KEY = Symbol.for("keydesk.shuttingDown");
type ShutdownHolder = { [SHUTDOWN_KEY]?: boolean };

/** Set by server.ts when SIGTERM arrives, so /api/ready tells load balancers to stop sending. */
export function markShuttingDown(): void {
  (globalThis as ShutdownHolder)[SHUTDOWN_KEY] = true;
}

export function isShuttingDown(): boolean {
  return (globalThis as ShutdownHolder)[SHUTDOWN_KEY] === true;
}
