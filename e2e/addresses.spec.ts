import { request as httpRequest } from "node:http";
import { expect, shot, test } from "./fixtures";

// Issue 14: a key used from two loopback addresses (127.0.0.2 binds on Linux). Both appear in the
// key's address list, the second flagged new; both in its log; the new one on the usage page.

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** GET /api/v1/whoami from a chosen local address, so the server sees that peer. */
function whoamiFrom(localAddress: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: PORT, path: "/api/v1/whoami", localAddress, headers: { "x-api-key": key } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("a key used from two addresses: both listed, the second new, both in the log", async ({
  page,
  tenant,
}) => {
  const key = await tenant.createKey({ name: "Warehouse sync" });
  expect(await whoamiFrom("127.0.0.1", key.key ?? "")).toBe(200);
  // The first address is the key's baseline: written before the second is seen.
  await expect(async () => {
    await page.goto(`/keys/${key.id}`);
    await expect(page.getByTestId("key-addresses").locator('[data-address="127.0.0.1"]')).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });

  expect(await whoamiFrom("127.0.0.2", key.key ?? "")).toBe(200);
  expect(await whoamiFrom("127.0.0.2", key.key ?? "")).toBe(200);
  const second = page.getByTestId("key-addresses").locator('[data-address="127.0.0.2"]');
  const log = page.getByRole("table").filter({ hasText: "Client or scope" }).locator("tbody tr");
  // The page reads the address list and the log in two queries at once: a flush that commits
  // between them shows one without the other until the next load, so wait for both.
  await expect(async () => {
    await page.reload();
    await expect(second).toBeVisible({ timeout: 1_000 });
    await expect(log).toHaveCount(3, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(second).toContainText("New");
  await expect(second).toContainText("2 verifications");
  const first = page.getByTestId("key-addresses").locator('[data-address="127.0.0.1"]');
  await expect(first).not.toContainText("New");
  await expect(first).toContainText("1 verification");

  await expect(log.filter({ hasText: "127.0.0.2" })).toHaveCount(2);
  await expect(log.filter({ hasText: "127.0.0.1" })).toHaveCount(1);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Addresses" }) })
      .screenshot({ path: test.info().outputPath(`addresses-${width}.png`) });
  }

  await page.goto("/usage");
  const fresh = page.getByTestId("new-addresses");
  await expect(fresh).toContainText("127.0.0.2");
  await expect(fresh).not.toContainText("127.0.0.1");
  await fresh.getByRole("link", { name: "Warehouse sync" }).click();
  await expect(page).toHaveURL(new RegExp(`/keys/${key.id}$`));
  await page.goto("/usage");
  await shot(page, "usage-new-addresses-390");
});
