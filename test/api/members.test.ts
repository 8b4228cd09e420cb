import { beforeAll, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { GET as auditLog } from "@/app/api/tenants/me/audit-log/route";
import { PATCH as patch, DELETE as remove } from "@/app/api/tenants/me/members/[userId]/route";
import { POST as transfer } from "@/app/api/tenants/me/members/[userId]/transfer-ownership/route";
import { GET as listMembers } from "@/app/api/tenants/me/members/route";
import { GET as me } from "@/app/api/tenants/me/route";
import { createAccount, PASSWORD, type TestAccount } from "../accounts";
import { call, uniqueIp } from "../http";
import { joinAs } from "../teams";

let owner: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  owner = await createAccount("mem-owner");
  other = await createAccount("mem-other");
});

const setRole = (caller: TestAccount, userId: string, role: string) =>
  call(patch, { method: "PATCH", token: caller.accessToken, params: { userId }, body: { role } });
const removeMember = (caller: TestAccount, userId: string) =>
  call(remove, { method: "DELETE", token: caller.accessToken, params: { userId } });
const members = async (caller: TestAccount) =>
  (await (await call(listMembers, { token: caller.accessToken })).json()).data as {
    userId: string;
    email: string;
    role: string;
    joinedAt: string;
    lastSignInAt: string | null;
  }[];

describe("listing", () => {
  it("lists every member with role, joined date and last sign-in, to every role", async () => {
    const viewer = await joinAs(owner, "viewer");
    const list = await members(viewer);
    expect(list.map((m) => [m.email, m.role])).toEqual(
      expect.arrayContaining([
        [owner.email, "owner"],
        [viewer.email, "viewer"],
      ]),
    );
    for (const m of list) {
      expect(Date.parse(m.joinedAt)).not.toBeNaN();
      expect(m.lastSignInAt).not.toBeNull();
    }
    expect((await call(listMembers)).status).toBe(401);
    const theirs = await members(other);
    expect(theirs.map((m) => m.userId)).toEqual([other.userId]);
  });
});

describe("changing a role", () => {
  it("ends the member's access tokens and refresh tokens in the workspace at once", async () => {
    const member = await joinAs(owner, "viewer");
    expect((await call(me, { token: member.accessToken })).status).toBe(200);
    const res = await setRole(owner, member.userId, "admin");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: member.userId, role: "admin" });
    expect((await call(me, { token: member.accessToken })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: member.refreshToken } })).status).toBe(401);
    const again = await call(login, { body: { email: member.email, password: PASSWORD }, ip: uniqueIp() });
    const tenant = await (await call(me, { token: (await again.json()).accessToken })).json();
    expect(tenant.role).toBe("admin");
    const audit = await (await call(auditLog, { token: owner.accessToken, path: "/?limit=100" })).json();
    expect(audit.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "member.role_changed",
          target: { type: "user", id: member.userId },
          details: expect.objectContaining({ from: "viewer", to: "admin", sessionsEnded: 1 }),
        }),
      ]),
    );
  });

  it("refuses bad input with field details", async () => {
    const member = await joinAs(owner, "viewer");
    const bad = await setRole(owner, member.userId, "superuser");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields[0].path).toBe("role");
    const extra = await call(patch, {
      method: "PATCH",
      token: owner.accessToken,
      params: { userId: member.userId },
      body: { role: "admin", email: "x@example.com" },
    });
    expect(extra.status).toBe(400);
  });

  it("admins manage admins and viewers, but cannot touch an owner or make one", async () => {
    const admin = await joinAs(owner, "admin");
    const viewer = await joinAs(owner, "viewer");
    expect((await setRole(admin, viewer.userId, "owner")).status).toBe(403);
    expect((await setRole(admin, owner.userId, "viewer")).status).toBe(403);
    expect((await removeMember(admin, owner.userId)).status).toBe(403);
    expect((await setRole(admin, viewer.userId, "admin")).status).toBe(200);
  });

  it("viewers change nothing, through any route", async () => {
    const viewer = await joinAs(owner, "viewer");
    const target = await joinAs(owner, "viewer");
    for (const res of [
      await setRole(viewer, target.userId, "admin"),
      await setRole(viewer, viewer.userId, "admin"),
      await removeMember(viewer, target.userId),
      await call(transfer, { token: viewer.accessToken, params: { userId: viewer.userId } }),
    ]) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    expect((await members(owner)).find((m) => m.userId === target.userId)?.role).toBe("viewer");
  });
});

describe("the last owner", () => {
  it("can neither be demoted nor leave; a second owner makes both possible", async () => {
    const solo = await createAccount("solo-owner");
    const demote = await setRole(solo, solo.userId, "admin");
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.message).toContain("transfer ownership");
    expect((await removeMember(solo, solo.userId)).status).toBe(409);

    const second = await joinAs(solo, "owner");
    expect((await setRole(solo, solo.userId, "admin")).status).toBe(200);
    // solo (now an admin, session kept: they changed their own role) cannot demote the only owner left.
    expect((await setRole(solo, second.userId, "admin")).status).toBe(403);
    expect((await removeMember(second, second.userId)).status).toBe(409);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const first = await createAccount("race-owner");
    const second = await joinAs(first, "owner");
    const results = await Promise.all([
      setRole(first, second.userId, "viewer"),
      setRole(second, first.userId, "viewer"),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // The first change ends the loser's sessions: the second is refused as 401 (its token is dead),
    // 403 (it authenticated in time, but the lock shows its caller a viewer now) or 409 (last owner).
    expect(statuses[0]).toBe(200);
    expect([401, 403, 409]).toContain(statuses[1]);
    const winner = results[0]!.status === 200 ? first : second;
    const owners = (await members(winner)).filter((m) => m.role === "owner");
    expect(owners).toHaveLength(1);
  });
});

describe("removing", () => {
  it("ends the member's access and refresh tokens at once, and they can no longer log in there", async () => {
    const member = await joinAs(owner, "admin");
    const res = await removeMember(owner, member.userId);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: member.userId, email: member.email });
    expect((await call(me, { token: member.accessToken })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: member.refreshToken } })).status).toBe(401);
    const relog = await call(login, {
      body: { email: member.email, password: PASSWORD, tenantId: owner.tenantId },
      ip: uniqueIp(),
    });
    expect(relog.status).toBe(403);
    expect((await members(owner)).map((m) => m.userId)).not.toContain(member.userId);
    expect((await removeMember(owner, member.userId)).status).toBe(404);
  });

  it("any member may leave, viewers included", async () => {
    const viewer = await joinAs(owner, "viewer");
    const res = await removeMember(viewer, viewer.userId);
    expect(res.status).toBe(200);
    expect((await call(me, { token: viewer.accessToken })).status).toBe(401);
    const audit = await (await call(auditLog, { token: owner.accessToken, path: "/?limit=100" })).json();
    expect(
      audit.data.some(
        (e: { action: string; target: { id: string } }) =>
          e.action === "member.left" && e.target.id === viewer.userId,
      ),
    ).toBe(true);
  });
});

describe("transferring ownership", () => {
  it("makes the member an owner and the caller an admin, audited", async () => {
    const founder = await createAccount("founder");
    const heir = await joinAs(founder, "admin");
    const res = await call(transfer, { token: founder.accessToken, params: { userId: heir.userId } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: heir.userId, role: "owner" });
    const roles = Object.fromEntries((await members(founder)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [founder.userId]: "admin", [heir.userId]: "owner" });
    const audit = await (await call(auditLog, { token: founder.accessToken, path: "/?limit=100" })).json();
    expect(audit.data.map((e: { action: string }) => e.action)).toContain("member.ownership_transferred");
    // Now an admin, the founder cannot take it back.
    expect(
      (await call(transfer, { token: founder.accessToken, params: { userId: founder.userId } })).status,
    ).toBe(403);
  });

  it("only owners transfer; to yourself is a conflict", async () => {
    const boss = await createAccount("boss");
    const admin = await joinAs(boss, "admin");
    expect(
      (await call(transfer, { token: admin.accessToken, params: { userId: admin.userId } })).status,
    ).toBe(403);
    expect((await call(transfer, { token: boss.accessToken, params: { userId: boss.userId } })).status).toBe(
      409,
    );
  });
});

describe("tenant isolation", () => {
  it("another workspace's member ids answer 404 exactly like unknown ids, on every route", async () => {
    const member = await joinAs(owner, "viewer");
    const unknown = "usr_000000000000000000000000";
    const attempts = [
      (userId: string) => setRole(other, userId, "admin"),
      (userId: string) => removeMember(other, userId),
      (userId: string) => call(transfer, { token: other.accessToken, params: { userId } }),
    ];
    for (const attempt of attempts) {
      const foreign = await attempt(member.userId);
      const missing = await attempt(unknown);
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toEqual(await missing.json());
    }
    expect((await members(owner)).find((m) => m.userId === member.userId)?.role).toBe("viewer");
    expect((await call(me, { token: member.accessToken })).status).toBe(200);
  });
});
