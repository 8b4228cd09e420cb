import { expect, shot, test } from "./fixtures";

// Issue 14: "what needs attention" on the Keys and Usage pages, each entry a link to its key.

test("keys expiring soon and keys in a rotation's grace period are listed, each linking to its key", async ({
  page,
  request,
  tenant,
}) => {
  const headers = { authorization: `Bearer ${await tenant.accessToken()}` };
  const create = async (data: Record<string, unknown>) => {
    const res = await request.post("/api/tenants/me/api-keys", { headers, data });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string };
  };
  await create({ name: "Quiet key" });
  const soon = await create({
    name: "Expiring partner key",
    expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  const old = await create({ name: "Billing worker" });
  const rotated = await request.post(`/api/tenants/me/api-keys/${old.id}/rotate`, {
    headers,
    data: { gracePeriodSeconds: 7200 },
  });
  expect(rotated.status()).toBe(201);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/keys");
    const panel = page.getByTestId("attention");
    await expect(panel.getByRole("heading", { name: "Needs attention" })).toBeVisible();
    await expect(panel.locator('[data-reason="expiring"]')).toContainText("Expiring partner key");
    await expect(panel.locator('[data-reason="expiring"]')).toContainText(/expires in 3 days/);
    await expect(panel.locator('[data-reason="rotation_grace"]')).toContainText("Billing worker");
    await expect(panel).not.toContainText("Quiet key");
    // Nothing wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await shot(page, `keys-attention-${width}`);
  }

  await page.goto("/usage");
  await expect(page.getByTestId("attention").locator('[data-reason="expiring"]')).toContainText(
    "Expiring partner key",
  );
  await shot(page, "usage-attention-390");
  await page.getByTestId("attention").getByRole("link", { name: "Expiring partner key" }).click();
  await expect(page).toHaveURL(new RegExp(`/keys/${soon.id}$`));
});

test("a tenant with nothing to look at sees no panel", async ({ page, request, tenant }) => {
  const headers = { authorization: `Bearer ${await tenant.accessToken()}` };
  expect(
    (await request.post("/api/tenants/me/api-keys", { headers, data: { name: "Fine key" } })).status(),
  ).toBe(201);
  await page.goto("/keys");
  await expect(page.getByText("Fine key")).toBeVisible();
  await expect(page.getByTestId("attention")).toHaveCount(0);
});
