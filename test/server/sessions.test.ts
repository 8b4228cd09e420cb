import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSignIn, browserSignOut, dashboardStatus } from "./browser";
import { createRemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";

/** Issue 7, defect 9: a browser session ends on the server, not only in the browser that held it. */
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("browser sessions", () => {
  it("a session cookie copied before logout no longer opens the dashboard after it", async () => {
    const tenant = await createRemoteTenant(server.url, "logout");
    const jar = await browserSignIn(server.url, tenant.email, tenant.password);
    expect(await dashboardStatus(server.url, jar)).toBe(200);
    const stolen = [...jar];

    await browserSignOut(server.url, jar);
    const after = await dashboardStatus(server.url, stolen);
    expect(after).toBeGreaterThanOrEqual(300);
    expect(after).toBeLessThan(400);
  });

  it("signing out one browser leaves the user's other sessions alone", async () => {
    const tenant = await createRemoteTenant(server.url, "two");
    const first = await browserSignIn(server.url, tenant.email, tenant.password);
    const second = await browserSignIn(server.url, tenant.email, tenant.password);
    await browserSignOut(server.url, first);
    expect(await dashboardStatus(server.url, second)).toBe(200);
    expect((await tenant.manage("/api/tenants/me")).status).toBe(200);
  });
});
