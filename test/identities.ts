import { GET as getOne, PATCH as patch, DELETE as remove } from "@/app/api/tenants/me/identities/[id]/route";
import { GET as usage } from "@/app/api/tenants/me/identities/[id]/usage/route";
import { POST as create, GET as list } from "@/app/api/tenants/me/identities/route";
import type { TestAccount } from "./accounts";
import { call } from "./http";

/** The identity routes, called as Next would (test/http.ts), for one caller's token. */
export function identityRoutes(token: string | undefined) {
  const auth = token ? { token } : {};
  return {
    create: (body: unknown) => call(create, { ...auth, body }),
    list: (path = "/") => call(list, { ...auth, path }),
    get: (id: string) => call(getOne, { ...auth, params: { id } }),
    patch: (id: string, body: unknown) => call(patch, { ...auth, method: "PATCH", params: { id }, body }),
    remove: (id: string) => call(remove, { ...auth, method: "DELETE", params: { id } }),
    usage: (id: string, path = "/") => call(usage, { ...auth, params: { id }, path }),
  };
}

export async function createTestIdentity(account: TestAccount, body: Record<string, unknown> = {}) {
  const res = await identityRoutes(account.accessToken).create({
    externalId: `cust-${Math.random()}`,
    ...body,
  });
  if (res.status !== 201) throw new Error(`create identity failed: ${res.status} ${res.text}`);
  return (await res.json()) as { id: string; externalId: string } & Record<string, unknown>;
}
