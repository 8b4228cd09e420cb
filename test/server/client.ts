import { randomBytes } from "node:crypto";

/**
 * A tenant made through the real HTTP API of a running server: register, log in, and the
 * management routes with the access token.
 */
export type RemoteTenant = {
  email: string;
  password: string;
  tenantId: string;
  accessToken: string;
  createKey(body?: Record<string, unknown>): Promise<{ id: string; key: string } & Record<string, unknown>>;
  manage(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
};

export async function createRemoteTenant(baseUrl: string, label = "srv"): Promise<RemoteTenant> {
  const email = `${label}-${randomBytes(5).toString("hex")}@example.com`;
  const password = "correct horse battery";
  const registered = await fetch(`${baseUrl}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, tenantName: `${label} Inc` }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const { tenant } = (await registered.json()) as { tenant: { id: string } };
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const manage = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  return {
    email,
    password,
    tenantId: tenant.id,
    accessToken,
    manage,
    async createKey(body = {}) {
      const res = await manage("/api/tenants/me/api-keys", { body: { name: "server test", ...body } });
      if (res.status !== 201) throw new Error(`create key: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string; key: string } & Record<string, unknown>;
    },
  };
}
