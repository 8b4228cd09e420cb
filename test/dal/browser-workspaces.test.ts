import { beforeAll, describe, expect, it } from "vitest";
import { POST as accept } from "@/app/api/invitations/accept/route";
import { PATCH as patch, DELETE as remove } from "@/app/api/tenants/me/members/[userId]/route";
import { createBrowserSession, findLiveBrowserSession } from "@/lib/dal/browser-sessions";
import { listWorkspaces, switchBrowserSession } from "@/lib/dal/workspaces";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { inviteEmail, joinAs } from "../teams";

// A browser session's workspace is its row's: switching moves the row, only to a workspace of the
// user's, and a removal or role change there ends it (the cookie then opens nothing).

let owner: TestAccount;
let elsewhere: TestAccount;

beforeAll(async () => {
  owner = await createAccount("bw-owner");
  elsewhere = await createAccount("bw-elsewhere");
});

async function browserOf(account: { userId: string; tenantId: string }) {
  const sessionId = await createBrowserSession({
    userId: account.userId,
    tenantId: account.tenantId,
    ip: "::1",
  });
  return { sessionId, userId: account.userId };
}

describe("switching workspaces", () => {
  it("moves the session to another workspace of the user's, with that workspace's role", async () => {
    const home = await createAccount("bw-two");
    const { token } = await inviteEmail(owner, "viewer", home.email);
    expect((await call(accept, { body: { token }, token: home.accessToken })).status).toBe(200);
    expect((await listWorkspaces(home.userId)).map((w) => w.tenantId).sort()).toEqual(
      [home.tenantId, owner.tenantId].sort(),
    );
    const session = await browserOf(home);
    expect(await switchBrowserSession(session, owner.tenantId)).toBe(true);
    expect(await findLiveBrowserSession(session)).toMatchObject({ tenantId: owner.tenantId, role: "viewer" });
    expect(await switchBrowserSession(session, home.tenantId)).toBe(true);
    expect(await findLiveBrowserSession(session)).toMatchObject({ tenantId: home.tenantId, role: "owner" });
  });

  it("never into a workspace the user is not in, nor with someone else's session", async () => {
    const session = await browserOf(owner);
    expect(await switchBrowserSession(session, elsewhere.tenantId)).toBe(false);
    expect(await switchBrowserSession({ ...session, userId: elsewhere.userId }, elsewhere.tenantId)).toBe(
      false,
    );
    expect(await findLiveBrowserSession(session)).toMatchObject({ tenantId: owner.tenantId });
  });
});

describe("membership changes end browser sessions in that workspace", () => {
  it("removal: the member's browser session ends at once", async () => {
    const member = await joinAs(owner, "admin");
    const session = await browserOf(member);
    expect(await findLiveBrowserSession(session)).not.toBeNull();
    const res = await call(remove, {
      method: "DELETE",
      token: owner.accessToken,
      params: { userId: member.userId },
    });
    expect(res.status).toBe(200);
    expect(await findLiveBrowserSession(session)).toBeNull();
  });

  it("a role change: the member's browser session ends; a new one has the new role", async () => {
    const member = await joinAs(owner, "admin");
    const session = await browserOf(member);
    const res = await call(patch, {
      method: "PATCH",
      token: owner.accessToken,
      params: { userId: member.userId },
      body: { role: "viewer" },
    });
    expect(res.status).toBe(200);
    expect(await findLiveBrowserSession(session)).toBeNull();
    expect(await findLiveBrowserSession(await browserOf(member))).toMatchObject({ role: "viewer" });
  });

  it("sessions in the member's other workspaces are untouched", async () => {
    const home = await createAccount("bw-home");
    const session = await browserOf(home);
    const { token } = await inviteEmail(owner, "admin", home.email);
    expect((await call(accept, { body: { token }, token: home.accessToken })).status).toBe(200);
    const there = await browserOf({ userId: home.userId, tenantId: owner.tenantId });
    expect(await switchBrowserSession(session, owner.tenantId)).toBe(true);
    expect(await findLiveBrowserSession(session)).toMatchObject({ tenantId: owner.tenantId, role: "admin" });
    expect(await switchBrowserSession(session, home.tenantId)).toBe(true);
    await call(remove, { method: "DELETE", token: owner.accessToken, params: { userId: home.userId } });
    expect(await findLiveBrowserSession(there)).toBeNull();
    expect(await findLiveBrowserSession(session)).toMatchObject({ tenantId: home.tenantId, role: "owner" });
    expect(await switchBrowserSession(session, owner.tenantId)).toBe(false);
  });
});
