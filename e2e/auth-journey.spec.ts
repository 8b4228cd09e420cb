import { randomBytes } from "node:crypto";
import { expect, PASSWORD as password, registerTenant, shot, test } from "./fixtures";

test("sign up → dashboard → log out → log in", async ({ page }) => {
  const email = `admin-${randomBytes(4).toString("hex")}@example.com`;

  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your Keydesk account" })).toBeVisible();

  // Invalid input first: the form explains and keeps what was typed.
  await page.getByLabel("Company or project name").fill("Acme Payments");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue(email);
  await shot(page, "01-signup-validation");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByTestId("tenant-name")).toHaveText("Acme Payments");
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await shot(page, "02-onboarding");

  await page.getByRole("link", { name: "Keys" }).click();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await shot(page, "03-keys-empty");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Workspace name").fill("Acme Payments EU");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByTestId("tenant-name")).toHaveText("Acme Payments EU");
  await shot(page, "04-settings");

  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/keys");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await shot(page, "05-login-wrong-password");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  await expect(page.getByTestId("tenant-name")).toHaveText("Acme Payments EU");
  await shot(page, "06-keys-after-login");
});

test("repeated failed logins are throttled and the page says so", async ({ page, request }) => {
  const { email } = await registerTenant(request, "victim");

  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-guess-${i}`);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  }
  const throttled = page.waitForResponse((res) => res.url().includes("/api/auth/callback/credentials"));
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  const response = await throttled;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
  await shot(page, "07-login-throttled");
});

test("a forged X-Forwarded-For does not change the address Keydesk sees", async ({ request }) => {
  const res = await request.get("/api/v1/ip", {
    headers: { "X-Forwarded-For": "203.0.113.77", "X-Real-IP": "203.0.113.78" },
  });
  expect(res.status()).toBe(200);
  const { ip } = await res.json();
  expect(["127.0.0.1", "::1"]).toContain(ip);
});

test("API errors are JSON envelopes without stack traces", async ({ request }) => {
  const res = await request.post("/api/auth/login", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(res.status()).toBe(400);
  expect(await res.json()).toEqual({
    error: { code: "INVALID_JSON", message: "The request body is not valid JSON." },
  });
});

test("log out everywhere ends other browsers and API access tokens at once", async ({
  page,
  browser,
  request,
}) => {
  const email = `everywhere-${randomBytes(4).toString("hex")}@example.com`;
  expect(
    (
      await request.post("/api/auth/register", { data: { email, password, tenantName: "Everywhere" } })
    ).status(),
  ).toBe(201);
  const { accessToken } = await (await request.post("/api/auth/login", { data: { email, password } })).json();

  const logIn = async (target: import("@playwright/test").Page) => {
    await target.goto("/login");
    await target.getByLabel("Email").fill(email);
    await target.getByLabel("Password").fill(password);
    await target.getByRole("button", { name: "Log in" }).click();
    await expect(target).toHaveURL(/\/keys$/);
  };
  await logIn(page);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await logIn(other);

  await page.getByRole("button", { name: "Log out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await other.goto("/keys");
  await expect(other).toHaveURL(/\/login/);
  const me = await request.get("/api/tenants/me", { headers: { authorization: `Bearer ${accessToken}` } });
  expect(me.status()).toBe(401);
  await shot(page, "08-logged-out-everywhere");
  await otherContext.close();
});
