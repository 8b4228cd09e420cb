import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretKeyChecksum } from "@/lib/keys/secret-key";
import { createRemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";

/** The socket fast path (server.ts → lib/server/fast-path.ts) refuses what the Next routes refuse. */
let server: RunningServer;
let first: { id: string; key: string };
let second: { id: string; key: string };

beforeAll(async () => {
  server = await startServer();
  const tenant = await createRemoteTenant(server.url, "fast-hardening");
  first = await tenant.createKey();
  second = await tenant.createKey();
});

afterAll(async () => {
  await server?.stop();
});

async function errorOf(res: Response) {
  const text = await res.text();
  return { status: res.status, code: JSON.parse(text).error?.code as string | undefined, text };
}

describe("fast path: credentials in the query string", () => {
  it("whoami and verify answer 400 KEY_IN_QUERY for any name or case, and for credential-looking values", async () => {
    const encoded = encodeURIComponent(first.key);
    const queries = [`API_KEY=${encoded}`, `apiKey=${encoded}`, `access_token=${encoded}`, `Key=${encoded}`];
    queries.push(`q=${encoded}`, encoded, "state=eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2ln");
    for (const query of queries) {
      const whoami = await errorOf(
        await fetch(`${server.url}/api/v1/whoami?${query}`, { headers: { "x-api-key": first.key } }),
      );
      expect(whoami, query).toMatchObject({ status: 400, code: "KEY_IN_QUERY" });
      expect(whoami.text).not.toContain(first.key);
      const verify = await errorOf(
        await fetch(`${server.url}/api/v1/verify?${query}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ key: first.key }),
        }),
      );
      expect(verify, query).toMatchObject({ status: 400, code: "KEY_IN_QUERY" });
    }
  });
});

describe("fast path: two credentials in one request", () => {
  it("X-API-Key plus a different Bearer is 400 INVALID_REQUEST; the same one twice is fine", async () => {
    const refused = await errorOf(
      await fetch(`${server.url}/api/v1/whoami`, {
        headers: { "x-api-key": first.key, authorization: `Bearer ${second.key}` },
      }),
    );
    expect(refused).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
    expect(refused.text).not.toContain(first.key);
    const same = await fetch(`${server.url}/api/v1/whoami`, {
      headers: { "x-api-key": first.key, authorization: `Bearer ${first.key}` },
    });
    expect(same.status).toBe(200);
  });

  it("an X-API-Key header sent twice is refused", async () => {
    const headers = new Headers();
    headers.append("x-api-key", first.key);
    headers.append("x-api-key", second.key);
    const res = await errorOf(await fetch(`${server.url}/api/v1/whoami`, { headers }));
    expect(res).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
  });
});

describe("fast path: the miss budget from the environment", () => {
  it("VERIFY_MISS_BUDGET=3: the fourth invented key from one address is 429 with Retry-After", async () => {
    const budgeted = await startServer({ env: { VERIFY_MISS_BUDGET: "3" } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const body = `ak_live_${String(i).repeat(43)}`;
        const key = body + secretKeyChecksum(body);
        const res = await fetch(`${budgeted.url}/api/v1/whoami`, { headers: { "x-api-key": key } });
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.headers.get("retry-after")).not.toBeNull();
          expect((await res.json()).error.code).toBe("RATE_LIMITED");
        } else await res.text();
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await budgeted.stop();
    }
  });
});
