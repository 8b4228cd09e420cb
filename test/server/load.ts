import { Agent, request } from "node:http";

/**
 * Keeps `connections` keep-alive connections busy with verification requests until stopped (or a
 * bound on requests is reached), and remembers what came back: the answers a client really got
 * are what usage must account for.
 */
export type LoadResult = {
  /** Responses received, by HTTP status. */
  statuses: Record<number, number>;
  /** Receive times (ms epoch) of responses that usage counts (a key was named: 200/401/403/429). */
  countedAt: number[];
  /** Requests that got no answer (connection reset or refused). */
  failures: number;
};

export type Load = { stop(): Promise<LoadResult>; done: Promise<LoadResult>; readonly received: number };

export type LoadOptions = {
  url: string;
  path?: string;
  headers: Record<string, string>;
  connections?: number;
  /** Stops by itself after this many requests, so a broken test never loops for ever. */
  maxRequests?: number;
  /** Pause between a response and the next request on the same connection. */
  pauseMs?: number;
};

function once(agent: Agent, url: URL, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method: "GET", headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

export function startLoad(options: LoadOptions): Load {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 4 });
  const result: LoadResult = { statuses: {}, countedAt: [], failures: 0 };
  let stopped = false;
  let sent = 0;
  const max = options.maxRequests ?? 20_000;
  const loop = async () => {
    while (!stopped && sent < max) {
      sent++;
      try {
        const status = await once(agent, url, options.path ?? "/api/v1/whoami", options.headers);
        result.statuses[status] = (result.statuses[status] ?? 0) + 1;
        if ([200, 401, 403, 429].includes(status)) result.countedAt.push(Date.now());
      } catch {
        result.failures++;
        // The server is gone or going: do not spin on refused connections.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  const done = Promise.all(Array.from({ length: options.connections ?? 4 }, loop)).then(() => {
    agent.destroy();
    return result;
  });
  return {
    done,
    get received() {
      return result.countedAt.length;
    },
    async stop() {
      stopped = true;
      return done;
    },
  };
}

/** Waits until `predicate` holds, polling; fails with `what` after `ms`. */
export async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A POST /api/v1/verify whose body arrives in two parts: the request is in flight from the first
 * byte, and `finish()` sends the rest. Resolves with the status and body (or rejects if the
 * server went away without answering).
 */
export function slowVerify(baseUrl: string, key: string) {
  const url = new URL(baseUrl);
  const body = JSON.stringify({ key });
  const half = Math.floor(body.length / 2);
  let req: ReturnType<typeof request>;
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req = request(
      {
        host: url.hostname,
        port: url.port,
        path: "/api/v1/verify",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, half));
  });
  answered.catch(() => {});
  return {
    answered,
    finish() {
      req.end(body.slice(half));
    },
  };
}
