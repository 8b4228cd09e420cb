import { Secret, TOTP } from "otpauth";
import { expect, PASSWORD, type Page, shot, test } from "./fixtures";

// Two-factor sign-in as a person does it: the code comes from an "app" (otpauth, fed the secret the
// page shows), never from the server.

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

function codeAt(secret: string, timestamp: number): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp });
}

/** Screenshots at a phone's and a laptop's width, and nothing wider than the window at either. */
async function shotsAtBothWidths(page: Page, name: string) {
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${name} fits ${innerWidth}px`).toBeLessThanOrEqual(innerWidth);
    await shot(page, `${name}-${size.width}`);
  }
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function passwordStep(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
}

test("an admin turns on 2FA, then logs in with a code, then with a recovery code", async ({
  page,
  tenant,
  request,
}) => {
  await page.setViewportSize(LAPTOP);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.getByText("Only your password protects this account.")).toBeVisible();
  await shotsAtBothWidths(page, "mfa-01-account-off");

  await page.getByRole("link", { name: "Set up two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/two-factor-setup$/);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shotsAtBothWidths(page, "mfa-02-enrolment");

  // A wrong code is refused under the field; the right one turns 2FA on.
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByText(/That code is not correct/)).toBeVisible();
  await page.getByLabel("Authentication code").fill(codeAt(secret, Date.now()));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = await list.getByRole("listitem").allTextContents();
  await shotsAtBothWidths(page, "mfa-03-recovery-codes");
  await page.getByLabel("I have stored them").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10 recovery codes left.");

  // With 2FA on, the owner may require it of every member.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Require two-factor authentication" }).click();
  await expect(page.getByText("Two-factor authentication is now required.")).toBeVisible();
  await expect(page.getByTestId("mfa-policy")).toHaveText("Required");
  await page.getByRole("heading", { name: "Sign-in policy" }).scrollIntoViewIfNeeded();
  await shotsAtBothWidths(page, "mfa-06-settings-policy");

  // The server asks the API for the code too: no tokens for the password alone.
  const apiLogin = await request.post("/api/auth/login", {
    data: { email: tenant.email, password: PASSWORD },
  });
  expect(apiLogin.status()).toBe(401);
  expect((await apiLogin.json()).error.code).toBe("MFA_REQUIRED");

  await logOut(page);
  await passwordStep(page, tenant.email);
  await shotsAtBothWidths(page, "mfa-04-code-prompt");
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not correct, or it was already used.")).toBeVisible();
  // The code of the next 30-second step: the one used to turn 2FA on cannot be used again.
  await page.getByLabel("Authentication code").fill(codeAt(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/keys$/);

  await page.goto("/account");
  await expect(page.getByRole("list", { name: "Sessions" }).getByText("This session")).toBeVisible();
  await shotsAtBothWidths(page, "mfa-05-account-on");

  await logOut(page);
  await passwordStep(page, tenant.email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  await page.goto("/account");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9 of 10 recovery codes left.");

  // A recovery code works once.
  await logOut(page);
  await passwordStep(page, tenant.email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not correct, or it was already used.")).toBeVisible();
});

test("the account page signs out another browser, and a password change ends every other session", async ({
  page,
  tenant,
  browser,
}) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const signIn = async (target: Page, password = PASSWORD) => {
    await target.goto("/login");
    await target.getByLabel("Email").fill(tenant.email);
    await target.getByLabel("Password").fill(password);
    await target.getByRole("button", { name: "Log in" }).click();
    await expect(target).toHaveURL(/\/keys$/);
  };
  await signIn(other);

  await page.goto("/account");
  const sessions = page.getByRole("list", { name: "Sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await sessions.getByRole("button", { name: "Sign out" }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await other.goto("/keys");
  await expect(other).toHaveURL(/\/login/);

  await signIn(other);
  await page.reload();
  await page.getByLabel("Current password").fill("not the password");
  await page.getByLabel("New password").fill("a new passphrase for ada");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. 1 other session was signed out.")).toBeVisible();
  await shot(page, "mfa-07-password-changed");
  await other.goto("/keys");
  await expect(other).toHaveURL(/\/login/);
  // This browser stays signed in.
  await page.goto("/keys");
  await expect(page).toHaveURL(/\/keys$/);
  await otherContext.close();
});
