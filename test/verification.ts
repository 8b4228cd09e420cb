import { POST as createKey } from "@/app/api/tenants/me/api-keys/route";
import type { TestAccount } from "./accounts";
import { signEs256 } from "./es256";
import { call } from "./http";

export async function createTestKey(account: TestAccount, body: Record<string, unknown> = {}) {
  const res = await call(createKey, { token: account.accessToken, body: { name: "Consumer key", ...body } });
  if (res.status !== 201) throw new Error(`create key failed: ${res.status} ${res.text}`);
  return (await res.json()) as { id: string; key: string; tenantId?: string } & Record<string, unknown>;
}

/** Signs any header and payload with ES256 (R||S by default), for tokens jsonwebtoken would refuse to make. */
export function signJwt(
  privatePem: string,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "ES256", typ: "JWT" },
  encoding: "ieee-p1363" | "der" = "ieee-p1363",
): string {
  return signEs256(header, payload, privatePem, encoding);
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
