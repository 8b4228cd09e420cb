import { readFileSync } from "node:fs";
import { expect, shot, test } from "./fixtures";

test("a key's recent verifications: listed newest first, filtered, paged, downloaded", async ({
  page,
  request,
  tenant,
}) => {
  const key = await tenant.createKey({ name: "Checkout service", scopes: ["orders:read"] });
  await page.goto(`/keys/${key.id}`);
  await expect(page.getByText("No verifications logged for this key yet.")).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, "01-log-empty-1280");

  for (let i = 0; i < 22; i++)
    await request.get("/api/v1/whoami", {
      headers: { "X-API-Key": key.key ?? "", "User-Agent": `e2e-client/${i}` },
    });
  await request.post("/api/v1/verify", {
    data: { key: key.key, scopes: ["orders:write"], ip: "198.51.100.7" },
  });

  // Written with the usage flush (about a second); the page renders the first page on the server.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("cell", { name: "198.51.100.7" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const rows = page.getByRole("table").filter({ hasText: "Client or scope" }).locator("tbody tr");
  await expect(rows).toHaveCount(20);
  // Newest first: the refused verify call came last.
  await expect(rows.first()).toContainText("Insufficient scope");
  await expect(rows.first()).toContainText("requires orders:write");
  await expect(rows.nth(1)).toContainText("e2e-client/21");
  await shot(page, "02-log-1280");
  await page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Recent verifications" }) })
    .screenshot({ path: test.info().outputPath("02b-log-section-1280.png") });

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(23);
  await expect(page.getByText("23 entries shown")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  await page.getByRole("combobox", { name: "Outcome" }).selectOption("INSUFFICIENT_SCOPE");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole("combobox", { name: "Outcome" }).selectOption("");
  await page.getByRole("textbox", { name: "Address" }).fill("192.0.2.99");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No verifications match these filters.")).toBeVisible();
  await page.getByRole("textbox", { name: "Address" }).fill("not an address");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("address: must be an IPv4 or IPv6 address")).toBeVisible();
  await page.getByRole("textbox", { name: "Address" }).fill("");
  await page.getByRole("button", { name: "Filter" }).click();
  // Back to the unfiltered log, as loaded before (both pages).
  await expect(rows).toHaveCount(23);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`verifications-${key.id}.csv`);
  const csv = readFileSync((await file.path()) ?? "", "utf8").split("\r\n");
  expect(csv[0]).toBe("time,outcome,address,path,user_agent,scopes,weight");
  expect(csv.filter(Boolean)).toHaveLength(24);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(rows.first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "nothing wider than the window at 390 px").toBeLessThanOrEqual(0);
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Recent verifications" }) });
  await section.screenshot({ path: test.info().outputPath("03-log-390.png") });
});

test("the usage page exports the chosen range as CSV", async ({ page, tenant }) => {
  await tenant.createKey({ name: "Reporting job" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/usage");
  await page.getByRole("tab", { name: "7d" }).click();
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", "/api/dashboard/usage?range=7d&format=csv");
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^usage-tenant-[\d-]+-hour\.csv$/);
  await shot(page, "04-usage-export-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(link).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "05-usage-export-390");
});
