import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { createClientIpStamper, type ProxyTrust } from "./stamp-client-ip";

let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real socket: the app side reads the address exactly as a route handler does. */
async function startServer(trust: ProxyTrust): Promise<number> {
  const stamp = createClientIpStamper(trust);
  server = createServer((req, res) => {
    stamp(req);
    const headers = new Headers(req.headers as Record<string, string>);
    res.end(
      JSON.stringify({ ip: clientIpFromHeaders(headers), xff: req.headers["x-forwarded-for"] ?? null }),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

function get(port: number, headers: Record<string, string>): Promise<{ ip: string; xff: string | null }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("client address under the default configuration", () => {
  it("is the TCP peer, whatever X-Forwarded-For or the internal headers claim", async () => {
    const port = await startServer({ trustProxyHops: 0, trustedProxies: [] });
    const seen = await get(port, {
      "x-forwarded-for": "203.0.113.9, 10.0.0.1",
      "x-real-ip": "203.0.113.9",
      "x-keydesk-client-ip": "10.0.0.1",
      "x-keydesk-peer-token": "guessed",
    });
    expect(seen.ip).toBe("127.0.0.1");
    // Dropped so nothing downstream (Next, a library) can be fooled by it either.
    expect(seen.xff).toBeNull();
  });
});

describe("client address behind trusted proxies", () => {
  it("with TRUST_PROXY_HOPS=1 is the right-most X-Forwarded-For entry", async () => {
    const port = await startServer({ trustProxyHops: 1, trustedProxies: [] });
    expect((await get(port, { "x-forwarded-for": "198.51.100.1, 203.0.113.9" })).ip).toBe("203.0.113.9");
  });

  it("with a trusted CIDR list is the right-most entry outside it", async () => {
    const port = await startServer({ trustProxyHops: 0, trustedProxies: ["127.0.0.0/8", "10.0.0.0/8"] });
    expect((await get(port, { "x-forwarded-for": "198.51.100.1, 203.0.113.9, 10.1.2.3" })).ip).toBe(
      "203.0.113.9",
    );
  });
});
