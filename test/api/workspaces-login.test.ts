import { beforeAll, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as accept } from "@/app/api/invitations/accept/route";
import { GET as me } from "@/app/api/tenants/me/route";
import { createAccount, PASSWORD, type TestAccount } from "../accounts";
import { call, uniqueIp } from "../http";
import { inviteEmail } from "../teams";

let home: TestAccount;
let team: TestAccount;
let stranger: TestAccount;

beforeAll(async () => {
  home = await createAccount("ws-home");
  team = await createAccount("ws-team");
  stranger = await createAccount("ws-stranger");
  const { token } = await inviteEmail(team, "viewer", home.email);
  const res = await call(accept, { body: { token }, token: home.accessToken });
  if (res.status !== 200) throw new Error(res.text);
});

const logIn = (body: Record<string, unknown>) => call(login, { body, ip: uniqueIp() });
const tenantOf = async (res: Awaited<ReturnType<typeof logIn>>) =>
  (await call(me, { token: (await res.json()).accessToken })).json();

describe("POST /api/auth/login with several workspaces", () => {
  it("logs in to the workspace named by tenantId, with its role", async () => {
    const toTeam = await logIn({ email: home.email, password: PASSWORD, tenantId: team.tenantId });
    expect(toTeam.status).toBe(200);
    expect(await tenantOf(toTeam)).toMatchObject({ id: team.tenantId, role: "viewer" });
    const toHome = await logIn({ email: home.email, password: PASSWORD, tenantId: home.tenantId });
    expect(await tenantOf(toHome)).toMatchObject({ id: home.tenantId, role: "owner" });
  });

  it("without tenantId uses the workspace used last", async () => {
    await logIn({ email: home.email, password: PASSWORD, tenantId: team.tenantId });
    expect((await tenantOf(await logIn({ email: home.email, password: PASSWORD }))).id).toBe(team.tenantId);
    await logIn({ email: home.email, password: PASSWORD, tenantId: home.tenantId });
    expect((await tenantOf(await logIn({ email: home.email, password: PASSWORD }))).id).toBe(home.tenantId);
  });

  it("a workspace the account is not in is 403 after the right password, and never a hint before it", async () => {
    const foreign = await logIn({ email: home.email, password: PASSWORD, tenantId: stranger.tenantId });
    expect(foreign.status).toBe(403);
    const unknown = await logIn({ email: home.email, password: PASSWORD, tenantId: "ten_nope" });
    expect(unknown.status).toBe(403);
    expect(await foreign.json()).toEqual(await unknown.json());
    const wrong = await logIn({
      email: home.email,
      password: "wrong password!",
      tenantId: stranger.tenantId,
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("INVALID_CREDENTIALS");
  });

  it("refuses a malformed tenantId with field details", async () => {
    const res = await logIn({ email: home.email, password: PASSWORD, tenantId: "" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0].path).toBe("tenantId");
  });
});
