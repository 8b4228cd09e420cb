import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as accept } from "@/app/api/invitations/accept/route";
import { GET as auditLog } from "@/app/api/tenants/me/audit-log/route";
import { DELETE as revoke } from "@/app/api/tenants/me/invitations/[id]/route";
import { POST as invite, GET as listInvitations } from "@/app/api/tenants/me/invitations/route";
import { POST as addMember, GET as listMembers } from "@/app/api/tenants/me/members/route";
import { GET as me } from "@/app/api/tenants/me/route";
import { getDb } from "@/db/client";
import { invitations } from "@/db/schema";
import { getEnv, overrideEnvForTests } from "@/lib/env";
import { createAccount, PASSWORD, type TestAccount } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";
import { inviteEmail, joinAs, tokenOf } from "../teams";

let owner: TestAccount;
let other: TestAccount;
let admin: TestAccount;
let viewer: TestAccount;

beforeAll(async () => {
  owner = await createAccount("inv-owner");
  other = await createAccount("inv-other");
  admin = await joinAs(owner, "admin");
  viewer = await joinAs(owner, "viewer");
});

const acceptWith = (body: Record<string, unknown>, token?: string) =>
  call(accept, { body, token, ip: uniqueIp() });

describe("inviting", () => {
  it("answers the single-use link once, keeps only its hash, and lists the invitation without it", async () => {
    const email = uniqueEmail("Invitee").toUpperCase();
    const res = await call(invite, { token: owner.accessToken, body: { email, role: "viewer" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const created = await res.json();
    expect(created).toMatchObject({
      email: email.toLowerCase(),
      role: "viewer",
      status: "pending",
      emailed: false,
      invitedBy: owner.email,
    });
    expect(created.inviteUrl).toMatch(/^http:\/\/keydesk\.test\/invite\/inv_[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.inviteUrl);
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 86_400_000;
    expect(days).toBe(7);

    const [row] = await (await getDb()).select().from(invitations).where(eq(invitations.id, created.id));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(4));

    const list = await call(listInvitations, { token: owner.accessToken });
    expect(list.text).not.toContain(token);
    const listed = (await list.json()).data.find((i: { id: string }) => i.id === created.id);
    expect(listed).toMatchObject({ status: "pending", email: email.toLowerCase() });
    expect(listed).not.toHaveProperty("inviteUrl");
  });

  it("POST /members is the same invitation, under the name clients look for", async () => {
    const res = await call(addMember, {
      token: owner.accessToken,
      body: { email: uniqueEmail(), role: "admin" },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ role: "admin", status: "pending", emailed: false });
  });

  it("refuses bad input with field details", async () => {
    const res = await call(invite, {
      token: owner.accessToken,
      body: { email: "not-an-email", role: "king" },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(["email", "role"]);
  });

  it("refuses inviting an existing member (409, on the email field)", async () => {
    const res = await call(invite, {
      token: owner.accessToken,
      body: { email: viewer.email, role: "admin" },
    });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.details.fields).toEqual([{ path: "email", message: "Already a member of this workspace." }]);
  });

  it("re-inviting an address withdraws the older link", async () => {
    const email = uniqueEmail("twice");
    const first = await inviteEmail(owner, "viewer", email);
    const second = await inviteEmail(owner, "admin", email);
    const old = await acceptWith({ token: first.token, password: PASSWORD });
    expect(old.status).toBe(410);
    expect((await old.json()).error.message).toContain("withdrawn");
    const ok = await acceptWith({ token: second.token, password: PASSWORD });
    expect(ok.status).toBe(201);
    expect((await ok.json()).tenant.role).toBe("admin");
  });
});

describe("roles", () => {
  it("anonymous callers get 401 on every invitation route", async () => {
    for (const res of [
      await call(listInvitations),
      await call(invite, { body: { email: uniqueEmail(), role: "viewer" } }),
      await call(revoke, { method: "DELETE", params: { id: "inv_x" } }),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    }
  });

  it("viewers can read invitations but neither invite nor revoke", async () => {
    expect((await call(listInvitations, { token: viewer.accessToken })).status).toBe(200);
    const res = await call(invite, {
      token: viewer.accessToken,
      body: { email: uniqueEmail(), role: "viewer" },
    });
    expect(res.status).toBe(403);
    const pending = await inviteEmail(owner, "viewer");
    const refused = await call(revoke, {
      method: "DELETE",
      token: viewer.accessToken,
      params: { id: pending.id },
    });
    expect(refused.status).toBe(403);
    expect((await acceptWith({ token: pending.token, password: PASSWORD })).status).toBe(201);
  });

  it("admins invite admins and viewers, never owners; owners may invite owners", async () => {
    const asAdmin = (role: string) =>
      call(invite, { token: admin.accessToken, body: { email: uniqueEmail(), role } });
    expect((await asAdmin("viewer")).status).toBe(201);
    expect((await asAdmin("admin")).status).toBe(201);
    const owner2 = await asAdmin("owner");
    expect(owner2.status).toBe(403);
    expect((await owner2.json()).error.message).toBe("Only an owner can make someone an owner.");
    const byOwner = await call(invite, {
      token: owner.accessToken,
      body: { email: uniqueEmail(), role: "owner" },
    });
    expect(byOwner.status).toBe(201);
  });
});

describe("tenant isolation", () => {
  it("another workspace's invitation id answers 404 exactly like an unknown one, and stays pending", async () => {
    const pending = await inviteEmail(owner, "viewer");
    const foreign = await call(revoke, {
      method: "DELETE",
      token: other.accessToken,
      params: { id: pending.id },
    });
    const unknown = await call(revoke, {
      method: "DELETE",
      token: other.accessToken,
      params: { id: "inv_000000000000000000000000" },
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await unknown.json());
    const theirs = await call(listInvitations, { token: other.accessToken });
    expect(theirs.text).not.toContain(pending.id);
    expect((await acceptWith({ token: pending.token, password: PASSWORD })).status).toBe(201);
  });
});

describe("accepting", () => {
  it("a new person signs up through the link, joins with the invited role and gets tokens for it", async () => {
    const { email, token } = await inviteEmail(owner, "viewer");
    const res = await acceptWith({ token, password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = await res.json();
    expect(body).toMatchObject({
      tenant: { id: owner.tenantId, role: "viewer" },
      user: { email },
      tokenType: "Bearer",
    });
    const tenant = await (await call(me, { token: body.accessToken })).json();
    expect(tenant).toMatchObject({ id: owner.tenantId, role: "viewer" });
    const members = await (await call(listMembers, { token: owner.accessToken })).json();
    expect(members.data.find((m: { email: string }) => m.email === email)).toMatchObject({ role: "viewer" });
    const audit = await (await call(auditLog, { token: owner.accessToken, path: "/?limit=100" })).json();
    const actions = audit.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["member.invited", "member.joined"]));
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("a link works once: the second use is refused, whoever tries", async () => {
    const { token } = await inviteEmail(owner, "viewer");
    expect((await acceptWith({ token, password: PASSWORD })).status).toBe(201);
    const again = await acceptWith({ token, password: PASSWORD });
    expect(again.status).toBe(410);
    expect((await again.json()).error).toMatchObject({
      code: "INVITATION_INVALID",
      message: "This invitation has already been used. Log in to reach the workspace.",
    });
  });

  it("two uses racing: exactly one joins", async () => {
    const { token } = await inviteEmail(owner, "viewer");
    const [a, b] = await Promise.all([
      acceptWith({ token, password: PASSWORD }),
      acceptWith({ token, password: PASSWORD }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 410].sort((x, y) => x - y));
  });

  it("an expired link is refused and says so", async () => {
    const { token, id } = await inviteEmail(owner, "viewer");
    await (await getDb())
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, id));
    const res = await acceptWith({ token, password: PASSWORD });
    expect(res.status).toBe(410);
    expect((await res.json()).error.message).toContain("expired");
    const listed = (await (await call(listInvitations, { token: owner.accessToken })).json()).data.find(
      (i: { id: string }) => i.id === id,
    );
    expect(listed.status).toBe("expired");
  });

  it("a revoked link stops working; revoking twice is a conflict", async () => {
    const { token, id } = await inviteEmail(owner, "viewer");
    const res = await call(revoke, { method: "DELETE", token: admin.accessToken, params: { id } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: "revoked" });
    expect((await acceptWith({ token, password: PASSWORD })).status).toBe(410);
    expect((await call(revoke, { method: "DELETE", token: owner.accessToken, params: { id } })).status).toBe(
      409,
    );
  });

  it("an unknown or malformed token is refused", async () => {
    const unknown = await acceptWith({ token: `inv_${"A".repeat(43)}`, password: PASSWORD });
    expect(unknown.status).toBe(410);
    const malformed = await acceptWith({ token: "ak_live_nope", password: PASSWORD });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details.fields[0].path).toBe("token");
  });

  it("without a token or a password there is nothing to accept with (400 on password)", async () => {
    const { token } = await inviteEmail(owner, "viewer");
    const res = await acceptWith({ token });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields).toEqual([
      { path: "password", message: "Choose a password (at least 10 characters)." },
    ]);
    const short = await acceptWith({ token, password: "short" });
    expect(short.status).toBe(400);
  });

  it("someone with an account accepts with their access token, then logs in to either workspace", async () => {
    const { token } = await inviteEmail(owner, "admin", other.email);
    const anonymous = await acceptWith({ token, password: PASSWORD });
    expect(anonymous.status).toBe(409);
    expect((await anonymous.json()).error.code).toBe("EMAIL_TAKEN");
    const res = await acceptWith({ token }, other.accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      tenant: { id: owner.tenantId, role: "admin" },
      user: { id: other.userId, email: other.email },
    });
    const again = await acceptWith({ token }, other.accessToken);
    expect(again.status).toBe(410);
  });

  it("a link for one address cannot be used by another account", async () => {
    const { token } = await inviteEmail(owner, "admin");
    const stranger = await createAccount("stranger");
    const res = await acceptWith({ token }, stranger.accessToken);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("Log in as that address");
    const bad = await acceptWith({ token }, "not-a-token");
    expect(bad.status).toBe(401);
  });
});

describe("sign-ups through invitations are throttled per address", () => {
  const defaultLimit = getEnv().signupRateLimit;
  afterEach(() => overrideEnvForTests({ signupRateLimit: defaultLimit }));

  it("spends the sign-up budget: past it, 429 with Retry-After and no account", async () => {
    overrideEnvForTests({ signupRateLimit: 2 });
    const ip = uniqueIp();
    const links = await Promise.all([1, 2, 3].map(() => inviteEmail(owner, "viewer")));
    const statuses: number[] = [];
    for (const link of links)
      statuses.push((await call(accept, { body: { token: link.token, password: PASSWORD }, ip })).status);
    expect(statuses).toEqual([201, 201, 429]);
    const list = (await (await call(listInvitations, { token: owner.accessToken })).json()).data;
    expect(list.find((i: { id: string }) => i.id === links[2]!.id).status).toBe("pending");
  });
});
