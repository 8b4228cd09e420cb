import { expect, type Page, shot, test } from "./fixtures";

async function openSettings(page: Page) {
  await page.goto("/keys");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
}

test("scope catalog feeds the create-key dialog", async ({ page, tenant: _ }) => {
  await openSettings(page);
  const catalog = page.getByRole("list", { name: "Scope catalog" });
  await expect(catalog).toContainText("No scopes yet.");
  await expect(page.getByRole("button", { name: "Save scope catalog" })).toBeDisabled();
  await page.getByLabel("New scope").fill("Invoices");
  await expect(page.getByText("A scope is two lowercase words")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add scope" })).toBeDisabled();
  for (const scope of ["invoices:read", "invoices:write", "customers:read"]) {
    await page.getByLabel("New scope").fill(scope);
    await page.getByLabel("New scope").press("Enter");
  }
  await page.getByRole("button", { name: "Remove customers:read" }).click();
  await expect(page.getByText("Unsaved changes.")).toBeVisible();
  await page.getByRole("button", { name: "Save scope catalog" }).click();
  await expect(page.getByText("Scope catalog saved.")).toBeVisible();
  await page.reload();
  await expect(catalog).toContainText("invoices:read");
  await expect(catalog).not.toContainText("customers:read");
  await shot(page, "20-scope-catalog");

  await page.getByRole("link", { name: "Keys" }).click();
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await expect(dialog.getByRole("checkbox", { name: "invoices:write" })).toBeVisible();
  await dialog.getByRole("checkbox", { name: "invoices:read" }).check();
  await dialog.getByLabel("Name", { exact: true }).fill("Invoicing");
  await dialog.screenshot({ path: test.info().outputPath("21-create-with-catalog.png") });
  await dialog.getByRole("button", { name: "Create key" }).click();
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: /Invoicing/ })).toContainText("invoices:read");
});

test("signing secrets: shown once, newest signs, retire with confirmation, never the last", async ({
  page,
  tenant: _,
}) => {
  await openSettings(page);
  await expect(page.getByText("No signing secrets yet.")).toBeVisible();
  await expect(page.getByText("docs/signed-keys.md")).toBeVisible();

  await page.getByRole("button", { name: "Add signing secret" }).click();
  await expect(page.getByTestId("new-secret")).toHaveText(/^aksec_/);
  const first = (await page.getByTestId("new-secret").textContent()) ?? "";
  await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
  await shot(page, "22-signing-secret-once");
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();
  const list = page.getByRole("list", { name: "Signing secrets" });
  await expect(list).toContainText(`aksec_…${first.slice(-4)}`);
  await expect(list).toContainText("Signs new keys");
  await expect(list.getByRole("button", { name: "Retire" })).toBeDisabled();
  await expect(page.getByText("The last active secret cannot be retired")).toBeVisible();

  await page.getByRole("button", { name: "Add signing secret" }).click();
  const second = (await page.getByTestId("new-secret").textContent()) ?? "";
  expect(second).not.toBe(first);
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  expect(await page.content()).not.toContain(first);
  expect(await page.content()).not.toContain(second);
  const older = list.getByRole("listitem").filter({ hasText: `…${first.slice(-4)}` });
  await expect(older).toContainText("Verifies");
  await expect(list.getByRole("listitem").filter({ hasText: `…${second.slice(-4)}` })).toContainText(
    "Signs new keys",
  );

  await older.getByRole("button", { name: "Retire" }).click();
  const confirm = page.getByRole("dialog", { name: "Retire this signing secret?" });
  await expect(confirm).toContainText("stop verifying");
  await confirm.screenshot({ path: test.info().outputPath("23-retire-confirm.png") });
  await confirm.getByRole("button", { name: "Retire secret" }).click();
  await expect(older).toContainText("Retired");
  await expect(list.getByRole("button", { name: "Retire" })).toBeDisabled();
  await shot(page, "24-signing-secrets");
});

test("tenant rate limit: Unlimited and back, kept across reloads and seen by the API", async ({
  page,
  request,
  tenant,
}) => {
  await openSettings(page);
  const limit = page.getByLabel("Rate limit (verifications per minute, whole workspace)");
  const unlimited = page.getByRole("checkbox", { name: "Unlimited" });
  await expect(limit).toHaveValue("100");
  await expect(unlimited).not.toBeChecked();

  await unlimited.check();
  await expect(limit).toBeDisabled();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(unlimited).toBeChecked();
  await expect(limit).toBeDisabled();
  const me = async () =>
    (
      await request.get("/api/tenants/me", {
        headers: { authorization: `Bearer ${await tenant.accessToken()}` },
      })
    ).json();
  expect((await me()).rateLimitPerMinute).toBeNull();
  await shot(page, "25-rate-limit-unlimited");

  await unlimited.uncheck();
  await limit.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "At least 1 per minute" })).toBeVisible();
  await limit.fill("2500");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(unlimited).not.toBeChecked();
  await expect(limit).toHaveValue("2500");
  expect((await me()).rateLimitPerMinute).toBe(2500);
});
