import type { BenchConfig } from "./config";
import { type Row, run } from "./load";
import { type KeydeskServer, sampleRss } from "./processes";

/**
 * The hot key (`secret`, the same key in both databases) on both servers in turn, so drift on a
 * shared machine hits both alike: short runs (as the ratio rounds), each round starting with the
 * other database. The servers' highest RSS is sampled during the runs.
 */
export async function hotRuns(
  servers: { small: KeydeskServer; large: KeydeskServer },
  sizes: { small: string; large: string },
  secret: string,
  config: BenchConfig,
) {
  const headers = { "x-api-key": secret };
  const result = { small: [] as Row[], large: [] as Row[], rss: { small: 0, large: 0 } };
  const load = { connections: config.connections, duration: config.ratioDuration, warmup: config.warmup };
  for (let round = 1; round <= config.hotRounds; round++) {
    const order = round % 2 === 1 ? (["small", "large"] as const) : (["large", "small"] as const);
    for (const which of order) {
      const server = servers[which];
      const rss = sampleRss(server.pid);
      const row = await run(
        `hot key, ${sizes[which]} keys (round ${round})`,
        { url: `${server.base}/api/v1/whoami`, headers },
        load,
      );
      result.rss[which] = Math.max(result.rss[which], rss.stop());
      result[which].push(row);
    }
  }
  return result;
}
