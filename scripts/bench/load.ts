import http from "node:http";
import autocannon, { type Result } from "autocannon";

export type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number };

export type AutocannonTarget = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
};

/**
 * autocannon at `connections` for `duration` s after a `warmup` s run that is not counted.
 * Latencies are taken from each response's own time, to the microsecond: autocannon's histogram
 * keeps whole milliseconds, which at a 2–3 ms p99 made the p99 ratio jump by a third for a
 * difference of a few hundred microseconds.
 */
export async function run(
  name: string,
  target: AutocannonTarget,
  options: { connections: number; duration: number; warmup: number },
): Promise<Row> {
  await autocannon({ ...target, connections: options.connections, duration: options.warmup });
  const latencies: number[] = [];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      { ...target, connections: options.connections, duration: options.duration },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const row = {
    name,
    rps: Math.round(result.requests.average),
    p50: Math.round(percentile(sorted, 50) * 100) / 100,
    p99: Math.round(percentile(sorted, 99) * 100) / 100,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
  printRow(row);
  return row;
}

export function printRow(row: Row): void {
  console.info(
    `${row.name.padEnd(52)} ${String(row.rps).padStart(7)} req/s   p50 ${String(row.p50).padStart(6)} ms   p99 ${String(row.p99).padStart(6)} ms   non-2xx ${row.non2xx}`,
  );
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Sends each credential exactly once (GET whoami, X-API-Key) over `connections` keep-alive
 * connections, timing every request. autocannon repeats one request; a cold run must not.
 */
export class CredentialLoader {
  readonly #agent: http.Agent;
  readonly #url: URL;
  readonly #latencies: number[] = [];
  #seconds = 0;
  #non2xx = 0;

  constructor(
    base: string,
    private readonly connections: number,
  ) {
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    this.#url = new URL("/api/v1/whoami", base);
  }

  #one(credential: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          path: this.#url.pathname,
          headers: { "x-api-key": credential },
        },
        (res) => {
          res.resume();
          res.once("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.once("error", reject);
      req.end();
    });
  }

  /** One pass over `credentials`; time between passes is not counted. */
  async pass(credentials: readonly string[]): Promise<void> {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: this.connections }, async () => {
        while (next < credentials.length) {
          const credential = credentials[next++]!;
          const t0 = performance.now();
          const status = await this.#one(credential);
          this.#latencies.push(performance.now() - t0);
          if (status < 200 || status > 299) this.#non2xx++;
        }
      }),
    );
    this.#seconds += (performance.now() - started) / 1000;
  }

  result(name: string): Row & { requests: number; seconds: number } {
    this.#agent.destroy();
    const sorted = Float64Array.from(this.#latencies).sort();
    const row = {
      name,
      requests: sorted.length,
      seconds: this.#seconds,
      rps: Math.round(sorted.length / this.#seconds),
      p50: Math.round(percentile(sorted, 50) * 10) / 10,
      p99: Math.round(percentile(sorted, 99) * 10) / 10,
      non2xx: this.#non2xx,
    };
    printRow(row);
    return row;
  }
}
