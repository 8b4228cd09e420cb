import { expect, shot, test } from "./fixtures";

// Issue 12: a trial key's credits, from the create dialog's preset through the real verification
// API to USAGE_EXCEEDED and the balance the dashboard shows.

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("a trial key of 5 credits: spent through the API, then USAGE_EXCEEDED, and 0 in the UI", async ({
  page,
  request,
  tenant,
}) => {
  // The tenant's own per-minute limit is not what this journey is about.
  const token = await tenant.accessToken();
  await request.patch("/api/tenants/me", {
    headers: { authorization: `Bearer ${token}` },
    data: { rateLimitPerMinute: null },
  });

  await page.goto("/keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name", { exact: true }).fill("Trial customer");
  await dialog.getByLabel("Usage credits").selectOption("trial");
  const credits = dialog.getByLabel("Credits", { exact: true });
  await expect(credits).toHaveValue("100");
  await credits.fill("-3");
  await expect(dialog.getByText("Enter a whole number, 0 or more.")).toBeVisible();
  await credits.fill("5");
  await expect(dialog.getByLabel("Refill", { exact: true })).toHaveValue("none");
  await dialog.screenshot({ path: test.info().outputPath("01-create-trial.png") });
  await dialog.getByRole("button", { name: "Create key" }).click();

  const secret = (await page.getByTestId("new-secret").textContent()) ?? "";
  expect(secret).toMatch(/^ak_live_/);
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: /Trial customer/ });
  await expect(row.getByTestId("credits-cell")).toContainText("5 left");

  const verify = (cost?: number) =>
    request.post("/api/v1/verify", { data: { key: secret, ...(cost === undefined ? {} : { cost }) } });
  const remaining: number[] = [];
  for (let i = 0; i < 5; i++) {
    const body = await (await verify()).json();
    expect(body.valid).toBe(true);
    remaining.push(body.credits.remaining);
  }
  expect(remaining).toEqual([4, 3, 2, 1, 0]);
  const refused = await (await verify()).json();
  expect(refused).toMatchObject({ valid: false, code: "USAGE_EXCEEDED", details: { remaining: 0, cost: 1 } });
  const whoami = await request.get("/api/v1/whoami", { headers: { "x-api-key": secret } });
  expect(whoami.status()).toBe(429);
  expect((await whoami.json()).error.code).toBe("USAGE_EXCEEDED");

  await page.reload();
  await expect(row.getByTestId("credits-cell")).toContainText("0 left");
  await shot(page, "02-keys-table-empty-balance");
  await row.getByRole("link", { name: "Trial customer" }).click();
  await expect(page.getByTestId("key-credits")).toContainText("0 left");

  // Topping the key up on its page works at once, and the audit trail says so.
  await page.getByLabel("Change").selectOption("increment");
  await page.getByLabel("Credits", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Saved: 2 credits left.")).toBeVisible();
  await expect(page.getByTestId("key-credits")).toContainText("2 left");
  await expect(page.getByText("Credits changed")).toBeVisible();
  expect((await (await verify()).json()).credits.remaining).toBe(1);
  await shot(page, "03-key-page");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("key-credits")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "04-key-page-390");
});
