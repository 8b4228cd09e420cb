import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { callServerAction, serverActionId } from "../test/server-actions";
import {
  type APIRequestContext,
  expect,
  logIn,
  PASSWORD,
  type Page,
  registerTenant,
  shot,
  test,
} from "./fixtures";

// Issue 11's journeys: each checks what the UI shows and that the server refuses what it hides.

const KEYS_ACTIONS = "app/(dashboard)/keys/actions.ts";

async function expectFits(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** An invitation through the REST API, accepted through it by someone new: their email and tokens. */
async function memberViaApi(request: APIRequestContext, ownerToken: string, role: string) {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.com`;
  const invited = await request.post("/api/tenants/me/invitations", {
    headers: { authorization: `Bearer ${ownerToken}` },
    data: { email, role },
  });
  expect(invited.status()).toBe(201);
  const token = new URL((await invited.json()).inviteUrl).pathname.split("/").pop();
  const accepted = await request.post("/api/invitations/accept", { data: { token, password: PASSWORD } });
  expect(accepted.status()).toBe(201);
  return { email, accessToken: (await accepted.json()).accessToken as string };
}

test("an owner invites a viewer, who signs up through the link and sees a read-only dashboard", async ({
  page,
  tenant,
  browser,
  request,
  baseURL,
}) => {
  await tenant.createKey({ name: "Production backend" });
  const invitee = `viewer-${randomBytes(4).toString("hex")}@example.com`;

  await page.goto("/settings/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByText("No pending invitations.")).toBeVisible();
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await page.getByLabel("Email").fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const dialog = page.getByRole("dialog", { name: "Send this invitation link" });
  await expect(dialog).toBeVisible();
  const link = (await dialog.getByTestId("new-secret").textContent()) ?? "";
  expect(link).toMatch(/\/invite\/inv_[\w-]{43}$/);
  await shot(page, "members-01-invite-link");
  await dialog.getByLabel("I have stored it").check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(invitee);
  await expect(page.getByText(link)).toHaveCount(0);
  await shot(page, "members-02-pending");

  // The invitee, in a browser of their own, at a phone's width.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const viewer = await context.newPage();
  await viewer.goto(new URL(link).pathname);
  await expect(viewer.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
  await expect(viewer.getByLabel("Email")).toHaveValue(invitee);
  await expectFits(viewer);
  await shot(viewer, "members-03-invitation-390");
  await viewer.getByLabel("Choose a password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account and join" }).click();
  await expect(viewer).toHaveURL(/\/keys$/);
  await expect(viewer.getByTestId("viewer-note")).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Production backend" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  await expectFits(viewer);
  await shot(viewer, "members-04-viewer-keys-390");
  await viewer.setViewportSize({ width: 1280, height: 800 });
  await viewer.getByRole("link", { name: "Production backend" }).click();
  await expect(viewer.getByText("Read-only access: viewers cannot rotate or revoke keys.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Rotate|Revoke/ })).toHaveCount(0);
  await shot(viewer, "members-05-viewer-key-1280");

  // The link is spent.
  await viewer.goto(new URL(link).pathname);
  await expect(viewer.getByText("This invitation has already been used.")).toBeVisible();

  // What the UI hides, forced: the REST API as the viewer…
  const login = await request.post("/api/auth/login", { data: { email: invitee, password: PASSWORD } });
  const viewerToken = (await login.json()).accessToken as string;
  const rest = await request.post("/api/tenants/me/api-keys", {
    headers: { authorization: `Bearer ${viewerToken}` },
    data: { name: "forced" },
  });
  expect(rest.status()).toBe(403);
  expect((await rest.json()).error.code).toBe("FORBIDDEN");
  // …and the dashboard's own server action, with the viewer's browser cookie.
  const forced = await callServerAction(
    baseURL ?? "",
    "/keys",
    serverActionId(KEYS_ACTIONS, "createKeyAction"),
    [{ name: "forced through an action" }],
    await cookieHeader(viewer),
  );
  expect(forced.text).toContain('"code":"FORBIDDEN"');
  const keys = await request.get("/api/tenants/me/api-keys", {
    headers: { authorization: `Bearer ${viewerToken}` },
  });
  expect((await keys.json()).data.map((k: { name: string }) => k.name)).toEqual(["Production backend"]);

  // The owner sees the new member with role and last sign-in.
  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: invitee });
  await expect(row).toContainText("last sign-in");
  await expect(page.getByLabel(`Role of ${invitee}`)).toHaveValue("viewer");
  await shot(page, "members-06-members-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page);
  await shot(page, "members-07-members-390");
  await context.close();
});

test("an owner removes a member: their open browser session and access token stop at once", async ({
  page,
  tenant,
  browser,
  request,
  baseURL,
}) => {
  const member = await memberViaApi(request, await tenant.accessToken(), "admin");
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await logIn(memberPage, member.email);
  await memberPage.goto("/keys");
  await expect(memberPage.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
  const auth = { authorization: `Bearer ${member.accessToken}` };
  expect((await request.get("/api/tenants/me", { headers: auth })).status()).toBe(200);

  await page.goto("/settings/members");
  await page
    .getByTestId("member-row")
    .filter({ hasText: member.email })
    .getByRole("button", { name: "Remove" })
    .click();
  const dialog = page.getByRole("dialog", { name: `Remove ${member.email}?` });
  await expect(dialog).toContainText("They lose access at once");
  await shot(page, "members-08-remove-confirm");
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: member.email })).toHaveCount(0);

  // The member's open page: the next navigation lands on the login page.
  await memberPage.goto("/keys");
  await expect(memberPage).toHaveURL(/\/login/);
  expect((await request.get("/api/tenants/me", { headers: auth })).status()).toBe(401);
  const cookie = await cookieHeader(memberPage);
  const forced = await callServerAction(
    baseURL ?? "",
    "/keys",
    serverActionId(KEYS_ACTIONS, "createKeyAction"),
    [{ name: "after removal" }],
    cookie,
  );
  expect(forced.text).toContain('"code":"UNAUTHORIZED"');
  await context.close();
});

test("a member of two workspaces joins while signed in and switches between them", async ({
  page,
  tenant,
  request,
}) => {
  const team = await registerTenant(request, "team");
  const invited = await request.post("/api/tenants/me/invitations", {
    headers: { authorization: `Bearer ${await team.accessToken()}` },
    data: { email: tenant.email, role: "admin" },
  });
  const link = new URL((await invited.json()).inviteUrl).pathname;

  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${team.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Join workspace" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  const switcher = page.getByLabel("Workspace");
  await expect(switcher.locator("option:checked")).toHaveText(team.name);
  await shot(page, "members-09-switcher");

  await switcher.selectOption({ label: tenant.name });
  await expect(page.getByTestId("tenant-name")).toHaveText(tenant.name);
  await expect(switcher.locator("option:checked")).toHaveText(tenant.name);

  // Login without a tenantId: the workspace used last.
  const login = await request.post("/api/auth/login", { data: { email: tenant.email, password: PASSWORD } });
  const me = await request.get("/api/tenants/me", {
    headers: { authorization: `Bearer ${(await login.json()).accessToken}` },
  });
  expect((await me.json()).name).toBe(tenant.name);
});

test("an invited person whose account has 2FA logs in with a code on the invitation page, then joins", async ({
  browser,
  request,
}) => {
  const owner = await registerTenant(request, "owner");
  const invitee = await registerTenant(request, "twofactor");
  const inviteeAuth = { authorization: `Bearer ${await invitee.accessToken()}` };
  const enrolment = await request.post("/api/account/mfa/enrolment", { headers: inviteeAuth });
  expect(enrolment.status()).toBe(201);
  const totp = new TOTP({
    secret: Secret.fromBase32((await enrolment.json()).secret),
    digits: 6,
    period: 30,
  });
  const confirmed = await request.post("/api/account/mfa/enrolment/confirm", {
    headers: inviteeAuth,
    data: { code: totp.generate() },
  });
  expect(confirmed.status()).toBe(200);

  const invited = await request.post("/api/tenants/me/invitations", {
    headers: { authorization: `Bearer ${await owner.accessToken()}` },
    data: { email: invitee.email, role: "admin" },
  });
  const link = new URL((await invited.json()).inviteUrl).pathname;

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in and join" }).click();
  // The password alone does not sign in or join: the code step asks for the second factor.
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await shot(page, "members-10-invite-code-step");
  // The next period's code: the enrolment already spent this one.
  await page.getByLabel("Authentication code").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  await expect(page.getByLabel("Workspace").locator("option:checked")).toHaveText(owner.name);
  await context.close();
});
