import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";

/** Issue 7, defect 7: security headers on pages, Next's API routes and the socket fast path. */
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

function nonceOf(csp: string | null): string | undefined {
  return /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
}

describe("pages", () => {
  it("carry a CSP whose fresh nonce is on every script, and refuse framing", async () => {
    const first = await fetch(`${server.url}/login`);
    const csp = first.headers.get("content-security-policy");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    const nonce = nonceOf(csp);
    expect(nonce).toBeTruthy();
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("no-referrer");
    expect(first.headers.get("cache-control")).toContain("no-store");

    const second = await fetch(`${server.url}/login`);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
  });
});

describe("API answers", () => {
  it("from Next's route handlers: no-store on tokens and secrets, nosniff, a CSP that allows nothing", async () => {
    const tenant = await createRemoteTenant(server.url, "hdr");
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    const created = await tenant.manage("/api/tenants/me/api-keys", { body: { name: "headers" } });
    const secret = await tenant.manage("/api/tenants/me/signing-secrets", { body: {} });
    for (const res of [login, created, secret]) {
      expect(res.status, res.url).toBeLessThan(300);
      expect(res.headers.get("cache-control"), res.url).toContain("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect(created.headers.get("strict-transport-security")).toBeNull();
  });

  it("from the fast path (whoami, verify) carry the API headers too", async () => {
    const tenant = await createRemoteTenant(server.url, "fast");
    const key = await tenant.createKey();
    const whoami = await fetch(`${server.url}/api/v1/whoami`, { headers: { "x-api-key": key.key } });
    const verify = await fetch(`${server.url}/api/v1/verify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: key.key }),
    });
    for (const res of [whoami, verify]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });
});

describe("with an https APP_URL", () => {
  it("every answer carries HSTS, from Next and from the fast path", async () => {
    const https = await startServer({ env: { APP_URL: "https://keys.example.test" } });
    try {
      const paths = ["/api/health", "/login", "/api/v1/whoami"];
      for (const path of paths) {
        const res = await fetch(`${https.url}${path}`, { redirect: "manual" });
        expect(res.headers.get("strict-transport-security"), path).toBe(
          "max-age=63072000; includeSubDomains",
        );
      }
    } finally {
      await https.stop();
    }
  });
});
