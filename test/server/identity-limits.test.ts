import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTenant, type RemoteTenant } from "./client";
import { type RunningServer, startServer, uniqueRedisPrefix } from "./harness";

/**
 * Issue 12: an identity's named limit is one bucket in Redis, shared by all its keys on every
 * instance. Two server.ts processes, one PostgreSQL and one Redis namespace, three keys of one
 * customer, requests spread over both: exactly N are admitted in all.
 */
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const suite = databaseUrl && redisUrl ? describe : describe.skip;

let a: RunningServer;
let b: RunningServer;
let tenant: RemoteTenant;

beforeAll(async () => {
  if (!databaseUrl || !redisUrl) return;
  const redisPrefix = uniqueRedisPrefix();
  [a, b] = await Promise.all([startServer({ redisPrefix }), startServer({ redisPrefix })]);
  tenant = await createRemoteTenant(a.url, "shared-identity");
  // The tenant's own per-minute limit must not be what refuses: lift it.
  await tenant.manage("/api/tenants/me", { method: "PATCH", body: { rateLimitPerMinute: null } });
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const verify = (server: RunningServer, body: unknown) =>
  fetch(`${server.url}/api/v1/verify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(
    (res) => res.json() as Promise<{ valid: boolean; code?: string; details?: { ratelimit?: string } }>,
  );

suite("shared identity limits across two instances (needs DATABASE_URL and REDIS_URL)", () => {
  it("three keys of one identity, limit N an hour, 4N requests over both servers → exactly N valid", async () => {
    const N = 12;
    const created = await tenant.manage("/api/tenants/me/identities", {
      body: {
        externalId: "org_twin",
        ratelimits: [{ name: "requests", limit: N, durationMs: 3_600_000, autoApply: true }],
      },
    });
    expect(created.status).toBe(201);
    const keys = await Promise.all(
      [1, 2, 3].map((i) => tenant.createKey({ name: `twin ${i}`, externalId: "org_twin" })),
    );
    const results = await Promise.all(
      Array.from({ length: 4 * N }, (_, i) => verify(i % 2 ? a : b, { key: keys[i % 3]!.key })),
    );
    expect(results.filter((r) => r.valid)).toHaveLength(N);
    const refused = results.filter((r) => !r.valid);
    expect(refused.every((r) => r.code === "RATE_LIMITED" && r.details?.ratelimit === "requests")).toBe(true);
  });

  it("named costs are charged once across instances: 10 × cost 3 against 20 → 6 valid", async () => {
    const key = await tenant.createKey({
      name: "costly",
      ratelimits: [{ name: "tokens", limit: 20, durationMs: 3_600_000, autoApply: false }],
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        verify(i % 2 ? a : b, { key: key.key, ratelimits: [{ name: "tokens", cost: 3 }] }),
      ),
    );
    expect(results.filter((r) => r.valid)).toHaveLength(6);
  });
});
