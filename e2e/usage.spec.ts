import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

test("usage page charts verifications by outcome and refreshes live", async ({ page, request }) => {
  const email = `usage-${randomBytes(4).toString("hex")}@example.com`;
  const password = "correct horse battery";
  await request.post("/api/auth/register", { data: { email, password, tenantName: "Usage Co" } });

  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/keys$/);

  await page.getByRole("link", { name: "Usage" }).click();
  await expect(page.getByText("No verifications in this range")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("01-usage-empty.png"), fullPage: true });

  const { accessToken } = await (await request.post("/api/auth/login", { data: { email, password } })).json();
  const auth = { authorization: `Bearer ${accessToken}` };
  const key = await (
    await request.post("/api/tenants/me/api-keys", {
      headers: auth,
      data: { name: "Checkout service", scopes: ["orders:read"] },
    })
  ).json();
  const other = await (
    await request.post("/api/tenants/me/api-keys", { headers: auth, data: { name: "Reporting job" } })
  ).json();
  for (let i = 0; i < 12; i++) await request.get("/api/v1/whoami", { headers: { "X-API-Key": key.key } });
  for (let i = 0; i < 4; i++) await request.get("/api/v1/whoami", { headers: { "X-API-Key": other.key } });
  for (let i = 0; i < 3; i++)
    await request.post("/api/v1/verify", { data: { key: key.key, scopes: ["orders:write"] } });
  await request.post("/api/v1/verify", { data: { key: other.key, environment: "test" } });

  // No reload: the page polls, and usage is flushed at most a second after the requests.
  await expect(page.getByRole("img", { name: "Verifications over time, stacked by outcome" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("Checkout service")).toBeVisible();
  await expect(page.getByText("INSUFFICIENT_SCOPE")).toBeVisible();
  await page.getByRole("tab", { name: "1h" }).click();
  await expect(page.getByRole("tab", { name: "1h" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("img", { name: "Verifications over time, stacked by outcome" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("02-usage-chart.png"), fullPage: true });
});

test("API reference lists the routes", async ({ page, request }) => {
  const email = `ref-${randomBytes(4).toString("hex")}@example.com`;
  const password = "correct horse battery";
  await request.post("/api/auth/register", { data: { email, password, tenantName: "Ref Co" } });
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await page.getByText("/api/v1/verify").first().click();
  await expect(page.getByText("For gateways").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("03-api-reference.png"), fullPage: true });
});
