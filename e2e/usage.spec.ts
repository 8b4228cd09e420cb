import { expect, shot, test } from "./fixtures";

test("usage page charts verifications by outcome and refreshes live", async ({ page, request, tenant }) => {
  await page.goto("/keys");
  await page.getByRole("link", { name: "Usage" }).click();
  await expect(page.getByText("No verifications in this range")).toBeVisible();
  await shot(page, "01-usage-empty");

  const key = await tenant.createKey({ name: "Checkout service", scopes: ["orders:read"] });
  const other = await tenant.createKey({ name: "Reporting job" });
  for (let i = 0; i < 12; i++)
    await request.get("/api/v1/whoami", { headers: { "X-API-Key": key.key ?? "" } });
  for (let i = 0; i < 4; i++)
    await request.get("/api/v1/whoami", { headers: { "X-API-Key": other.key ?? "" } });
  for (let i = 0; i < 3; i++)
    await request.post("/api/v1/verify", { data: { key: key.key, scopes: ["orders:write"] } });
  await request.post("/api/v1/verify", { data: { key: other.key, environment: "test" } });

  // No reload: the page polls, and usage is flushed at most a second after the requests.
  const chart = page.getByRole("img", { name: "Verifications over time, stacked by outcome" });
  await expect(chart).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Checkout service")).toBeVisible();
  await expect(page.getByText("INSUFFICIENT_SCOPE")).toBeVisible();
  await expect(page.getByTestId("usage-caption")).toHaveText("Showing the last 24 hours");
  await expect(chart.locator('rect[data-outcome="VALID"]').first()).toBeVisible();
  await expect(chart.locator('rect[data-outcome="INSUFFICIENT_SCOPE"]')).not.toHaveCount(0);
  // Drawn by the server: the page's first HTML already holds the bars, before any script runs.
  const html = await (await page.request.get("/usage")).text();
  expect(html).toContain('data-outcome="VALID"');
  expect(html).toContain('data-outcome="INSUFFICIENT_SCOPE"');

  // Another range: until its answer arrives, the figures on screen are marked as loading and still
  // say which range they are for (they used to pass the 24 h figures off as the last hour's).
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/dashboard/usage?range=1h*", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("tab", { name: "1h" }).click();
  await expect(page.getByRole("tab", { name: "1h" })).toHaveAttribute("aria-selected", "true");
  const panel = page.getByRole("tabpanel");
  await expect(panel.locator("[aria-busy=true]")).toBeVisible();
  await expect(page.getByText("Loading the last hour…")).toBeVisible();
  await expect(page.getByTestId("usage-caption")).toHaveText("Showing the last 24 hours");
  await shot(page, "02-usage-loading-1h");
  release();
  await expect(page.getByTestId("usage-caption")).toHaveText("Showing the last hour");
  await expect(panel.locator("[aria-busy=true]")).toHaveCount(0);
  await expect(chart).toBeVisible();
  await page.unroute("**/api/dashboard/usage?range=1h*");

  // The tabs follow the keyboard, as WAI-ARIA tabs do.
  await page.getByRole("tab", { name: "1h" }).focus();
  await page.keyboard.press("End");
  await expect(page.getByRole("tab", { name: "30d" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "30d" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "1h" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("usage-caption")).toHaveText("Showing the last hour");
  await shot(page, "03-usage-chart");

  // On a phone the chart keeps its bars and axis inside the window.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(chart.locator('rect[data-outcome="VALID"]').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "04-usage-chart-390");
});

test("API reference lists the routes", async ({ page, tenant: _ }) => {
  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await page.getByText("/api/v1/verify").first().click();
  await expect(page.getByText("For gateways").first()).toBeVisible();
  await shot(page, "04-api-reference");
});
