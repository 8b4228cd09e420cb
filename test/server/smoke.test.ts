import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("server.ts in production", () => {
  it("serves Next routes and the verification fast path on one port", async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const tenant = await createRemoteTenant(server.url);
    const key = await tenant.createKey();
    const whoami = await fetch(`${server.url}/api/v1/whoami`, { headers: { "x-api-key": key.key } });
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toMatchObject({ keyId: key.id, tenantId: tenant.tenantId });
  });

  it("serves /api/metrics to anyone when METRICS_TOKEN is unset (and says so at start)", async () => {
    const res = await fetch(`${server.url}/api/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("keydesk_verifications_total");
    expect(server.output()).toContain("METRICS_TOKEN is not set");
  });
});
