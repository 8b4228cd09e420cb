import { expect, shot, test } from "./fixtures";

// Issue 12's journey, end to end: a customer identity with two keys, one of them a 5-credit trial
// created from the dialog; its credits spent through the real verification API until
// USAGE_EXCEEDED, and the balance and the customer seen in the dashboard.

test("a customer with two keys, one a 5-credit trial: spent, refused, and shown", async ({
  page,
  request,
  tenant,
}) => {
  const token = await tenant.accessToken();
  await request.patch("/api/tenants/me", {
    headers: { authorization: `Bearer ${token}` },
    data: { rateLimitPerMinute: null },
  });

  await page.goto("/identities");
  await page.getByLabel("External id").fill("cus_globex");
  await page.getByRole("button", { name: "Create identity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "cus_globex" })).toBeVisible();
  const identityUrl = page.url();

  // Two keys for the customer from the create dialog; the second is the trial.
  const secrets: string[] = [];
  for (const [name, trial] of [
    ["Globex production", false],
    ["Globex trial", true],
  ] as const) {
    await page.goto("/keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Customer (optional)").fill("cus_globex");
    if (trial) {
      await dialog.getByLabel("Usage credits").selectOption("trial");
      await dialog.getByLabel("Credits", { exact: true }).fill("5");
    }
    await dialog.getByRole("button", { name: "Create key" }).click();
    secrets.push((await page.getByTestId("new-secret").textContent()) ?? "");
    await page.getByLabel("I have stored it").check();
    await page.getByRole("button", { name: "Done" }).click();
  }
  const [production, trial] = secrets as [string, string];

  // The trial's five credits, then the refusal; the other key of the customer is unlimited.
  for (let left = 4; left >= 0; left--) {
    const body = await (await request.post("/api/v1/verify", { data: { key: trial } })).json();
    expect(body).toMatchObject({
      valid: true,
      credits: { remaining: left },
      identity: { externalId: "cus_globex" },
    });
  }
  const refused = await (await request.post("/api/v1/verify", { data: { key: trial } })).json();
  expect(refused).toMatchObject({ valid: false, code: "USAGE_EXCEEDED" });
  const whoami = await request.get("/api/v1/whoami", { headers: { "x-api-key": trial } });
  expect(whoami.status()).toBe(429);
  expect((await whoami.json()).error.code).toBe("USAGE_EXCEEDED");
  const other = await (await request.post("/api/v1/verify", { data: { key: production } })).json();
  expect(other).toMatchObject({ valid: true, credits: null, identity: { externalId: "cus_globex" } });

  // The dashboard: the trial's balance on the keys list and its page, both keys on the customer's.
  await page.goto("/keys");
  await expect(page.getByRole("row", { name: /Globex trial/ }).getByTestId("credits-cell")).toContainText(
    "0 left",
  );
  await page.getByRole("link", { name: "Globex trial" }).click();
  await expect(page.getByTestId("key-credits")).toContainText("0 left");
  await expect(page.getByTestId("key-identity")).toHaveText("cus_globex");
  await shot(page, "01-trial-key-spent");

  await page.goto(identityUrl);
  const keys = page.getByRole("list", { name: "Linked keys" });
  await expect(keys.getByRole("link", { name: "Globex production" })).toBeVisible();
  await expect(keys.getByRole("link", { name: "Globex trial" })).toBeVisible();
  await shot(page, "02-customer-page");
});
