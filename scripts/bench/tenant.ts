import type { KeydeskServer } from "./processes";

/** JSON to a Keydesk server's API; anything but 2xx throws. */
export async function api(base: string, pathname: string, body: unknown, token?: string, method = "POST") {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${await res.text()}`);
  return res.json();
}

export type BenchTenant = { id: string; email: string; accessToken: string };

/** The bench tenant, signed up through the API, with its tenant limit removed (null) through the API. */
export async function registerBenchTenant(server: KeydeskServer, password: string): Promise<BenchTenant> {
  const email = `bench-${Date.now()}@example.com`;
  const { tenant } = await api(server.base, "/api/auth/register", {
    email,
    password,
    tenantName: "Bench",
  });
  const { accessToken } = await api(server.base, "/api/auth/login", { email, password });
  const patched = await api(
    server.base,
    "/api/tenants/me",
    { rateLimitPerMinute: null },
    accessToken,
    "PATCH",
  );
  if (patched.rateLimitPerMinute !== null) throw new Error("the bench tenant still has a limit");
  return { id: tenant.id, email, accessToken };
}
