import { POST as login } from "@/app/api/auth/login/route";
import { POST as register } from "@/app/api/auth/register/route";
import { call, uniqueEmail, uniqueIp } from "./http";

export const PASSWORD = "correct horse battery";

export type TestAccount = {
  email: string;
  tenantId: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
};

/** Registers a fresh tenant with its owner and logs in through the real routes. */
export async function createAccount(label = "owner"): Promise<TestAccount> {
  const email = uniqueEmail(label);
  const ip = uniqueIp();
  const registered = await call(register, {
    body: { email, password: PASSWORD, tenantName: `${label} Inc` },
    ip,
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${registered.text}`);
  const { user, tenant } = await registered.json();
  const loggedIn = await call(login, { body: { email, password: PASSWORD }, ip });
  if (loggedIn.status !== 200) throw new Error(`login failed: ${loggedIn.status} ${loggedIn.text}`);
  const tokens = await loggedIn.json();
  return {
    email,
    tenantId: tenant.id,
    userId: user.id,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
  };
}
