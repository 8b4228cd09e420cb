import { connect } from "node:net";
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

  it("keeps a keep-alive connection open after a fast-path answer (every request on it is answered)", async () => {
    const tenant = await createRemoteTenant(server.url);
    const { key } = await tenant.createKey();
    await fetch(`${server.url}/api/v1/whoami`, { headers: { "x-api-key": key } }); // cache the key
    const request = `GET /api/v1/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: ${key}\r\n\r\n`;
    // Three requests pipelined on one socket; the connection must stay up for all three answers.
    const answers = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1");
      let received = "";
      const done = () => {
        socket.destroy();
        resolve(received);
      };
      socket.on("data", (chunk: Buffer) => {
        received += chunk.toString("latin1");
        if ((received.match(/HTTP\/1\.1 /g) ?? []).length === 3) done();
      });
      socket.on("end", done);
      socket.on("error", reject);
      socket.setTimeout(10_000, done);
      socket.write(request.repeat(3));
    });
    expect((answers.match(/HTTP\/1\.1 200 /g) ?? []).length).toBe(3);
  });

  it("checks IP allowlists on the fast path against the socket's address, whatever headers claim", async () => {
    const tenant = await createRemoteTenant(server.url);
    const elsewhere = await tenant.createKey({ ipAllowlist: ["10.0.0.0/8"] });
    const here = await tenant.createKey({ ipAllowlist: ["127.0.0.1/32"] });
    const forged = {
      "x-forwarded-for": "10.1.2.3",
      "x-keydesk-client-ip": "10.1.2.3",
      "x-keydesk-peer-token": "guess",
    };
    const verify = (key: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/v1/verify`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ key }),
      }).then((res) => res.json());
    for (let pass = 0; pass < 2; pass++) {
      // The second pass is answered from the cache (synchronously, on the socket).
      const refused = await fetch(`${server.url}/api/v1/whoami`, {
        headers: { "x-api-key": elsewhere.key, ...forged },
      });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe("IP_NOT_ALLOWED");
      expect(await verify(elsewhere.key, forged)).toMatchObject({ valid: false, code: "IP_NOT_ALLOWED" });
      const allowed = await fetch(`${server.url}/api/v1/whoami`, {
        headers: { "x-api-key": here.key, ...forged },
      });
      expect(allowed.status).toBe(200);
      expect(await verify(here.key, forged)).toMatchObject({ valid: true, keyId: here.id });
    }
  });

  it("serves /api/metrics to anyone when METRICS_TOKEN is unset (and says so at start)", async () => {
    const res = await fetch(`${server.url}/api/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("keydesk_verifications_total");
    expect(server.output()).toContain("METRICS_TOKEN is not set");
  });
});
