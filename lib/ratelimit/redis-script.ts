import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A Lua script sent by digest (EVALSHA) and, only when the server does not know it yet (first call,
 * restart, failover, SCRIPT FLUSH), by source — one round trip in the steady state. This is what
 * ioredis's defineCommand does, without the untyped dynamic method it adds to the client.
 */
export class RedisScript {
  readonly #sha: string;

  constructor(readonly source: string) {
    this.#sha = createHash("sha1").update(source).digest("hex");
  }

  async run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return await redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
