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
  /** Usage totals by outcome for one key, over the last day, as the management API reports them. */
  usageTotals(keyId: string): Promise<Record<string, number>>;
};

/** The sum of a usage totals object. */
export const sumOf = (totals: Record<string, number>) => Object.values(totals).reduce((a, b) => a + b, 0);

/** The same tenant through another server (another instance, or the same data after a restart). */
export function withBaseUrl(tenant: RemoteTenant, baseUrl: string): RemoteTenant {
  const manage = managerFor(baseUrl, tenant.accessToken);
  return { ...tenant, manage, usageTotals: usageTotalsFor(manage), createKey: createKeyFor(manage) };
}

type Manage = RemoteTenant["manage"];

function managerFor(baseUrl: string, accessToken: string): Manage {
  return (path, init = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
}

function usageTotalsFor(manage: Manage) {
  return async (keyId: string) => {
    const res = await manage(`/api/tenants/me/usage?interval=minute&keyId=${keyId}`);
    if (res.status !== 200) throw new Error(`usage: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { totals: Record<string, number> }).totals;
  };
}

function createKeyFor(manage: Manage) {
  return async (body: Record<string, unknown> = {}) => {
    const res = await manage("/api/tenants/me/api-keys", { body: { name: "server test", ...body } });
    if (res.status !== 201) throw new Error(`create key: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; key: string } & Record<string, unknown>;
  };
}

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
  const manage = managerFor(baseUrl, accessToken);
  return {
    email,
    password,
    tenantId: tenant.id,
    accessToken,
    manage,
    usageTotals: usageTotalsFor(manage),
    createKey: createKeyFor(manage),
  };
}
