import { POST as accept } from "@/app/api/invitations/accept/route";
import { POST as invite } from "@/app/api/tenants/me/invitations/route";
import { PASSWORD, type TestAccount } from "./accounts";
import { call, uniqueEmail, uniqueIp } from "./http";

export type Role = "owner" | "admin" | "viewer";

/** The token at the end of an invitation link (…/invite/inv_…). */
export function tokenOf(inviteUrl: string): string {
  return new URL(inviteUrl).pathname.split("/").pop() ?? "";
}

/** Invites a fresh address through the real route and returns the link's token. */
export async function inviteEmail(
  inviter: TestAccount,
  role: Role,
  email = uniqueEmail(role),
): Promise<{ email: string; token: string; id: string }> {
  const res = await call(invite, { token: inviter.accessToken, body: { email, role } });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${res.text}`);
  const body = await res.json();
  return { email, token: tokenOf(body.inviteUrl), id: body.id };
}

/** A new person joins `owner`'s workspace with `role`, by invitation and sign-up, through the routes. */
export async function joinAs(owner: TestAccount, role: Role): Promise<TestAccount> {
  const { email, token } = await inviteEmail(owner, role);
  const res = await call(accept, { body: { token, password: PASSWORD }, ip: uniqueIp() });
  if (res.status !== 201) throw new Error(`accept failed: ${res.status} ${res.text}`);
  const body = await res.json();
  return {
    email,
    tenantId: owner.tenantId,
    userId: body.user.id,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
  };
}
