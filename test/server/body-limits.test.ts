import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTenant, type RemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";
import { rssBytes, sendChunked, trickleHeaders } from "./raw-http";

/**
 * Issue 7, defect 4: every body is cut at its cap while it streams (a chunked request declares no
 * length), answered 413 in the error envelope, and never held in memory whole.
 */
const MB = 1024 * 1024;
const HUGE = 200 * MB;
/** What loopback and socket buffers may hold in flight when the server decides; far below HUGE. */
const IN_FLIGHT = 24 * MB;
/** Headroom for whatever a request costs besides its body; a buffered 200 MB body is far above it. */
const RSS_GROWTH = 64 * MB;

let server: RunningServer;
let tenant: RemoteTenant;
let key: string;

beforeAll(async () => {
  server = await startServer();
  tenant = await createRemoteTenant(server.url, "caps");
  key = (await tenant.createKey()).key;
});

afterAll(async () => {
  await server?.stop();
});

async function expect413(path: string, headers: Record<string, string>, prefix = "") {
  // Warm the route first, so loading its code is not counted as growth.
  await sendChunked({ port: server.port, path, headers, prefix: "{}", fillerBytes: 0 }).catch(
    () => undefined,
  );
  const before = rssBytes(server.child.pid!);
  const res = await sendChunked({ port: server.port, path, headers, prefix, fillerBytes: HUGE });
  const grew = rssBytes(server.child.pid!) - before;
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  expect(res.bytesSentBeforeResponse).toBeLessThan(IN_FLIGHT);
  expect(grew).toBeLessThan(RSS_GROWTH);
  return res;
}

const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("bodies past their cap, sent chunked (no Content-Length)", () => {
  it("the verify fast path answers 413 instead of verifying what fits in the cap", async () => {
    const res = await sendChunked({
      port: server.port,
      path: "/api/v1/verify",
      headers: json,
      prefix: JSON.stringify({ key }),
      fillerBytes: 127 * 1024,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("the verify fast path stops reading 200 MB at the cap", async () => {
    await expect413("/api/v1/verify", json, JSON.stringify({ key }));
  });

  it("POST /api/auth/login (a route handler) stops reading at the cap", async () => {
    await expect413("/api/auth/login", json);
  });

  it("POST /api/auth/register stops reading at the cap", async () => {
    await expect413("/api/auth/register", json);
  });

  it("the management API stops reading at the cap, before authentication", async () => {
    await expect413("/api/tenants/me/api-keys", { ...json, authorization: `Bearer ${tenant.accessToken}` });
  });

  it("POST /api/v1/leaks stops reading at its cap", async () => {
    await expect413("/api/v1/leaks", json);
  });

  it("next-auth's credentials callback (a form Next reads itself) stops at the cap", async () => {
    await expect413("/api/auth/callback/credentials", form, "email=a%40example.com&password=");
  });

  it("a server action (a form Next reads itself) stops at the cap", async () => {
    await expect413("/login", { "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(40) });
  });

  it("a client that keeps uploading before it reads still gets its 413, not a reset", async () => {
    // The server drops what still arrives for a while (half-closed, so the client can see the end)
    // rather than closing with unread data, which resets the connection and loses the answer.
    for (const path of ["/api/tenants/me/api-keys", "/login", "/api/v1/verify"]) {
      const res = await sendChunked({
        port: server.port,
        path,
        headers: path === "/login" ? { "content-type": "text/plain", "next-action": "0".repeat(40) } : json,
        fillerBytes: HUGE,
        readAfterBytes: 32 * MB,
      });
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body).error.code, path).toBe("PAYLOAD_TOO_LARGE");
    }
  });

  it("a declared Content-Length over the cap is refused before any body is sent", async () => {
    for (const path of ["/api/auth/login", "/api/auth/callback/credentials", "/keys", "/api/v1/verify"]) {
      const res = await sendChunked({
        port: server.port,
        path,
        headers: { ...json, "content-length": String(HUGE) },
        fillerBytes: 0,
        timeoutMs: 15_000,
      });
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body).error.code, path).toBe("PAYLOAD_TOO_LARGE");
    }
  });

  it("a body under the cap still reaches the route", async () => {
    const res = await fetch(`${server.url}/api/v1/verify`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ key }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).valid).toBe(true);
  });
});

describe("slow clients", () => {
  it("a client trickling its headers is cut off within 30 s", async () => {
    const { afterMs, answer } = await trickleHeaders(server.port, 1_000, 35_000);
    expect(afterMs).toBeLessThan(30_000);
    if (answer) expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
