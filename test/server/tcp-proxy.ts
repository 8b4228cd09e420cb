import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL or Redis that a test controls, to cut the service off from
 * the servers under test without touching the service itself (other test runs share it).
 *
 * - `stop()`: the service "goes down": open connections are reset and new ones are refused
 *   (accepted and closed at once), as a restarting PostgreSQL or Redis does.
 * - `blackhole()`: the network "goes silent": open connections stay open but nothing passes either
 *   way, and new connections are accepted and left hanging — what a partition looks like.
 * - `resume()`: traffic flows again. Connections held by `blackhole()` carry on where they were
 *   (TCP would have retransmitted); connections that arrived during it are closed, as a client
 *   would have timed them out.
 */
export type ProxyMode = "open" | "stopped" | "blackhole";

export type TcpProxy = {
  port: number;
  url(original: string): string;
  readonly mode: ProxyMode;
  /** Connections accepted since the start, for tests that check the servers really use the proxy. */
  readonly accepted: number;
  stop(): void;
  blackhole(): void;
  resume(): void;
  close(): Promise<void>;
};

type Pair = { client: Socket; upstream: Socket | null };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "open";
  let accepted = 0;
  const pairs = new Set<Pair>();
  const held = new Set<Socket>();

  const pipe = (client: Socket) => {
    const upstream = createConnection(target);
    const pair: Pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.on("data", (chunk) => {
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on("data", (chunk) => {
      if (!client.write(chunk)) upstream.pause();
    });
    client.on("drain", () => mode === "open" && upstream.resume());
    upstream.on("drain", () => mode === "open" && client.resume());
  };

  const server: Server = createServer((client) => {
    accepted++;
    client.setNoDelay(true);
    if (mode === "stopped") {
      client.resetAndDestroy();
      return;
    }
    if (mode === "blackhole") {
      held.add(client);
      client.on("error", () => held.delete(client));
      client.on("close", () => held.delete(client));
      client.pause();
      return;
    }
    pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const forEachSocket = (fn: (socket: Socket) => void) => {
    for (const pair of pairs) {
      fn(pair.client);
      if (pair.upstream) fn(pair.upstream);
    }
  };

  const stop = () => {
    mode = "stopped";
    for (const pair of [...pairs]) {
      pair.client.resetAndDestroy();
      pair.upstream?.destroy();
    }
    pairs.clear();
    for (const socket of held) socket.resetAndDestroy();
  };

  return {
    port,
    url(original: string) {
      const url = new URL(original);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    get mode() {
      return mode;
    },
    get accepted() {
      return accepted;
    },
    stop,
    blackhole() {
      mode = "blackhole";
      forEachSocket((socket) => socket.pause());
    },
    resume() {
      mode = "open";
      forEachSocket((socket) => socket.resume());
      for (const socket of held) socket.destroy();
      held.clear();
    },
    async close() {
      stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
