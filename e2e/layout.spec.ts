import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";

// Every page fits its window: nothing wider than the viewport at a phone's width or a laptop's.

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

async function expectFits(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `${where}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`,
  ).toBeLessThanOrEqual(innerWidth);
}

for (const size of WIDTHS) {
  test(`every dashboard page fits a ${size.width}px window`, async ({ page, tenant }) => {
    const key = await tenant.createKey({
      name: "A key with a rather long name for a narrow screen",
      scopes: ["customers:read", "customers:write", "invoices:read"],
      ipAllowlist: ["2001:db8:1234:5678::/64", "203.0.113.0/24"],
      metadata: { customer: "acme-industries-international", plan: "enterprise" },
    });
    await page.setViewportSize(size);
    const pages = [
      "/keys",
      `/keys/${key.id}`,
      "/usage",
      "/onboarding",
      "/settings",
      "/settings/members",
      "/settings/webhooks",
      "/api-reference",
      "/account",
      "/two-factor-setup",
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectFits(page, path);
      await shot(page, `${size.width}${path.replaceAll("/", "-").replace(/key_\w+/, "key")}`);
    }
    // The API reference's cards, opened, still fit.
    await page.goto("/api-reference");
    for (const summary of await page.locator("summary").all()) await summary.click();
    await expectFits(page, "/api-reference (all cards open)");
  });

  test(`login and signup fit a ${size.width}px window`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    for (const path of ["/login", "/signup"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectFits(page, path);
      await shot(page, `${size.width}${path.replaceAll("/", "-")}`);
    }
    await context.close();
  });
}

test("on a phone the navigation is a menu: a button opens it, navigating or Escape closes it", async ({
  page,
  tenant: _,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/keys");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await shot(page, "390-menu-open");
  await nav.getByRole("link", { name: "Usage" }).click();
  await expect(page).toHaveURL(/\/usage$/);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await menu.click();
  await expect(nav).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // From md up there is no menu button: the sidebar is always there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
});
