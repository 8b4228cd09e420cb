import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTenant, type RemoteTenant } from "./client";
import { type RunningServer, startServer, uniqueRedisPrefix } from "./harness";

/**
 * Issue 12's exactness: 1 000 concurrent verifications of a key with 100 credits yield exactly 100
 * successes. With DATABASE_URL and REDIS_URL (test:server:pg) they are spread over TWO server.ts
 * processes sharing the database and Redis; on the embedded database (one process owns it) the
 * same flood goes to one process.
 */
const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const REQUESTS = 1000;
const CREDITS = 100;

let servers: RunningServer[] = [];
let tenant: RemoteTenant;

beforeAll(async () => {
  const redisPrefix = uniqueRedisPrefix();
  // A generous database timeout: this measures exactness, not how long 1 000 spends of one hot row
  // queue for a pool of 10 on a shared 2-core machine (docs/decisions.md says what that costs).
  const env = { DATABASE_TIMEOUT_MS: "20000" };
  servers = await Promise.all(
    Array.from({ length: shared ? 2 : 1 }, () => startServer({ redisPrefix, env })),
  );
  tenant = await createRemoteTenant(servers[0]!.url, "credits-exact");
  // The tenant's own 100/min limit would refuse most of the flood before credits are asked.
  const unlimited = await tenant.manage("/api/tenants/me", {
    method: "PATCH",
    body: { rateLimitPerMinute: null },
  });
  expect(unlimited.status).toBe(200);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

describe(`credits under a flood (${shared ? "two processes, PostgreSQL + Redis" : "one process, embedded database"})`, () => {
  it(`${REQUESTS} concurrent verifications of a key with ${CREDITS} credits: exactly ${CREDITS} succeed`, async () => {
    const key = await tenant.createKey({ credits: { remaining: CREDITS } });
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const server = servers[i % servers.length]!;
        const res = await fetch(`${server.url}/api/v1/verify`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ key: key.key }),
        });
        const body = (await res.json()) as { valid: boolean; code?: string; credits?: { remaining: number } };
        return { status: res.status, server: i % servers.length, ...body };
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const valid = answers.filter((a) => a.valid);
    const exceeded = answers.filter((a) => !a.valid && a.code === "USAGE_EXCEEDED");
    expect(valid).toHaveLength(CREDITS);
    expect(exceeded).toHaveLength(REQUESTS - CREDITS);
    // Every balance from 99 down to 0 was handed out exactly once.
    expect(valid.map((a) => a.credits?.remaining).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
      Array.from({ length: CREDITS }, (_, i) => i),
    );
    if (shared) {
      // Both processes spent: the exactness is not one process serializing its own requests.
      expect(new Set(valid.map((a) => a.server)).size).toBe(2);
    }
    const dto = (await (await tenant.manage(`/api/tenants/me/api-keys/${key.id}`)).json()) as {
      credits: { remaining: number };
    };
    expect(dto.credits.remaining).toBe(0);
  });
});
