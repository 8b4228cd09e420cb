import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";

// Issue 12: a customer identity, two keys linked to it (one from the create dialog, one from a
// key's page), both shown on the identity's page; every page fits a phone's width.

async function fits(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where} is wider than the window`).toBeLessThanOrEqual(innerWidth);
}

test("identity: create it, link two keys, see both on its page", async ({ page, tenant }) => {
  await page.goto("/identities");
  await expect(page.getByRole("heading", { name: "No identities yet" })).toBeVisible();
  await page.getByLabel("External id").fill("org_acme");
  await page.getByLabel("Metadata (optional)").fill('{"plan": "pro"}');
  await page.getByLabel("Rate limits (optional)").fill("[{");
  await expect(page.getByText("Not valid JSON.")).toBeVisible();
  await page
    .getByLabel("Rate limits (optional)")
    .fill('[{"name": "requests", "limit": 1000, "durationMs": 60000, "autoApply": true}]');
  await page.getByRole("button", { name: "Create identity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "org_acme" })).toBeVisible();
  const identityUrl = page.url();
  await expect(page.getByText("No keys are linked to this identity yet.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "requests" })).toBeVisible();

  // Key one: from the create dialog, by the customer's id.
  await page.goto("/keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name", { exact: true }).fill("Acme backend");
  await dialog.getByLabel("Customer (optional)").fill("org_acme");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-secret")).toBeVisible();
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();

  // Key two: made without a customer, linked from its page.
  const second = await tenant.createKey({ name: "Acme worker" });
  await page.goto(`/keys/${second.id}`);
  await expect(page.getByText("Not linked to a customer.")).toBeVisible();
  await page.getByLabel("Link to a customer").fill("org_acme");
  await page.getByRole("button", { name: "Link", exact: true }).click();
  await expect(page.getByTestId("key-identity")).toHaveText("org_acme");

  await page.goto(identityUrl);
  const keys = page.getByRole("list", { name: "Linked keys" });
  await expect(keys.getByRole("link", { name: "Acme backend" })).toBeVisible();
  await expect(keys.getByRole("link", { name: "Acme worker" })).toBeVisible();
  await expect(page.getByText(/2 keys/)).toBeVisible();
  await shot(page, "identity-page-1280");

  // Deleting is refused while keys are linked, with the reason.
  page.once("dialog", (confirm) => confirm.accept());
  await page.getByRole("button", { name: "Delete identity" }).click();
  await expect(page.getByText("This identity still has keys")).toBeVisible();

  for (const path of ["/identities", new URL(identityUrl).pathname]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await fits(page, path);
    await shot(page, `identities-390${path.replaceAll("/", "-").replace(/idn_\w+/, "idn")}`);
  }
});
