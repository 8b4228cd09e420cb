import path from "node:path";
import type { Page } from "@playwright/test";
import { jwkThumbprint, makeOpensslKeys } from "../test/es256";
import { expect, shot, test } from "./fixtures";

async function openCreateDialog(page: Page, name: string) {
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  return dialog;
}

async function storeSecret(page: Page): Promise<string> {
  const secret = (await page.getByTestId("new-secret").textContent()) ?? "";
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("new-secret")).toBeVisible();
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  return secret;
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("secret key: validated as you type, shown once, never again, then revoked", async ({
  page,
  tenant: _,
}) => {
  await page.goto("/keys");
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  const dialog = await openCreateDialog(page, "Checkout backend");
  await dialog.getByLabel("Description (optional)").fill("Orders service, EU cluster");
  await dialog.getByLabel("Add a scope").fill("Orders:Write");
  await expect(dialog.getByText("A scope is two lowercase words")).toBeVisible();
  await dialog.getByLabel("Add a scope").fill("orders:write");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog.getByRole("checkbox", { name: "orders:write" })).toBeChecked();
  await dialog.getByLabel("IP allowlist").fill("10.0.0.0/8\n10.0.0.1/8");
  await expect(dialog.getByRole("list", { name: "Allowlist problems" })).toContainText("Line 2");
  await expect(dialog.getByRole("button", { name: "Create key" })).toBeDisabled();
  await dialog.getByLabel("Metadata (optional)").fill('{"customer": ');
  await expect(dialog.getByText("Not valid JSON.")).toBeVisible();
  await dialog.getByLabel("Expires").selectOption("custom");
  await shot(page, "01-create-dialog-problems");
  await dialog.screenshot({ path: test.info().outputPath("01b-create-dialog-problems-dialog.png") });
  await dialog.getByLabel("IP allowlist").fill("10.0.0.0/8\n2001:db8::/32");
  await dialog.getByLabel("Metadata (optional)").fill('{"customer": "acme"}');
  await dialog.getByLabel("Expires").selectOption("30");
  await expect(dialog.getByRole("list", { name: "Allowlist problems" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Create key" }).click();

  await expect(page.getByTestId("new-secret")).toHaveText(/^ak_live_[0-9A-Za-z]{49}$/);
  await expect(page.getByText("This is the only time you will see it.")).toBeVisible();
  await shot(page, "02-secret-once");
  const secret = await storeSecret(page);

  const row = page.getByRole("row", { name: /Checkout backend/ });
  await expect(row).toContainText(`${secret.slice(0, 12)}…${secret.slice(-4)}`);
  await expect(row).toContainText("orders:write");
  await expect(row).toContainText("Never");
  await page.reload();
  await expect(page.getByRole("row", { name: /Checkout backend/ })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await shot(page, "03-keys-table");

  await page.getByRole("link", { name: "Revoked", exact: true }).click();
  await expect(page.getByText("No keys match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();

  await page.getByRole("link", { name: "Checkout backend" }).click();
  await expect(page.getByRole("heading", { name: "Checkout backend" })).toBeVisible();
  const keyId = (await page.getByTestId("key-id").textContent()) ?? "";
  await page.getByRole("button", { name: "Copy id" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keyId);
  await expect(page.getByLabel("IP allowlist")).toHaveValue("10.0.0.0/8\n2001:db8::/32");
  await page.getByRole("button", { name: "Revoke" }).click();
  const revoke = page.getByRole("dialog", { name: /Revoke/ });
  await expect(revoke.getByLabel("Reason (optional)")).toBeFocused();
  await revoke.getByLabel("Reason (optional)").fill("laptop stolen");
  await revoke.screenshot({ path: test.info().outputPath("04a-revoke-dialog.png") });
  await revoke.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("revoked-note")).toContainText("laptop stolen");
  await expect(page.getByRole("heading", { name: "Checkout backend" }).locator("..")).toContainText(
    "Revoked",
  );
  await expect(page.getByText("Revoked — laptop stolen")).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await expect(page.getByText("This key is revoked; its settings can no longer change.")).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await shot(page, "04-key-revoked");

  await page.getByRole("link", { name: "← All keys" }).click();
  await page.getByRole("link", { name: "Revoked", exact: true }).click();
  await expect(page).toHaveURL(/status=revoked/);
  await expect(page.getByRole("row", { name: /Checkout backend/ })).toContainText("laptop stolen");
});

test("public key: loaded from a file, fingerprint shown; RSA and P-384 refused inline", async ({
  page,
  tenant: _,
}) => {
  const pems = makeOpensslKeys();
  await page.goto("/keys");
  const dialog = await openCreateDialog(page, "RSA attempt");
  await dialog.getByText("Public key (ES256)").click();
  await dialog.getByLabel("Public key (public.pem)").fill(pems.rsaPublic);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "RSA keys are not supported" })).toBeVisible();
  await expect(dialog.getByLabel("Public key (public.pem)")).toHaveAttribute("aria-invalid", "true");
  await dialog.screenshot({ path: test.info().outputPath("05-invalid-key-format.png") });
  await dialog.getByLabel("Public key (public.pem)").fill(pems.p384Public);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(
    dialog.getByRole("alert").filter({ hasText: "P-384 (secp384r1) keys are not supported" }),
  ).toBeVisible();

  await dialog.getByLabel("Load from a file…").setInputFiles(path.join(pems.dir, "public.pem"));
  await expect(dialog.getByLabel("Public key (public.pem)")).toHaveValue(pems.p256Public);
  await dialog.getByLabel("Name", { exact: true }).fill("Mobile signer");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-key-id")).toHaveText(/^key_[0-9A-Za-z]{24}$/);
  const fingerprint = jwkThumbprint(pems.p256Public);
  await expect(page.getByRole("dialog")).toContainText(fingerprint);
  await shot(page, "06-public-key-added");
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: /Mobile signer/ });
  await expect(row).toContainText(`${fingerprint.slice(0, 12)}…`);
  await expect(row).toContainText("Public key");

  // Rotating a public key needs a new key pair: the same PEM is refused next to the field.
  await page.getByRole("link", { name: "Mobile signer" }).click();
  await expect(page.getByText(fingerprint)).toBeVisible();
  await page.getByRole("button", { name: "Rotate" }).click();
  const rotate = page.getByRole("dialog", { name: /Rotate/ });
  await expect(rotate.getByRole("button", { name: "Rotate key" })).toBeDisabled();
  await rotate.getByLabel("New public key (public.pem)").fill(pems.p256Public);
  await rotate.getByRole("button", { name: "Rotate key" }).click();
  await expect(rotate.getByRole("alert").filter({ hasText: "generate a new key pair" })).toBeVisible();
  await rotate.getByLabel("New public key (public.pem)").fill(pems.p256PublicOther);
  await rotate.getByRole("button", { name: "Rotate key" }).click();
  const rotated = page.getByRole("dialog", { name: "Your rotated key" });
  await expect(rotated.getByText("Clients must use the new key id")).toBeVisible();
  const newId = (await rotated.getByTestId("new-key-id").textContent()) ?? "";
  await rotated.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(new RegExp(`/keys/${newId}$`));
  await expect(page.getByText(jwkThumbprint(pems.p256PublicOther))).toBeVisible();
});

test("rotation with a 1 hour grace: new secret once, old key expiring soon", async ({ page, tenant: _ }) => {
  await page.goto("/keys");
  await openCreateDialog(page, "Billing job");
  await page.getByRole("button", { name: "Create key" }).click();
  const oldSecret = await storeSecret(page);
  await page.getByRole("link", { name: "Billing job" }).click();
  await expect(page.getByRole("heading", { name: "Billing job" })).toBeVisible();
  const oldUrl = page.url();

  await page.getByRole("button", { name: "Rotate" }).click();
  const rotate = page.getByRole("dialog", { name: /Rotate/ });
  await expect(rotate.getByLabel("24 hours")).toBeChecked();
  await rotate.getByLabel("1 hour").check();
  await rotate.screenshot({ path: test.info().outputPath("07a-rotate-dialog.png") });
  await rotate.getByRole("button", { name: "Rotate key" }).click();
  await expect(page.getByText(/The old key keeps working until about/)).toBeVisible();
  const newSecret = await storeSecret(page);
  expect(newSecret).toMatch(/^ak_live_/);
  expect(newSecret).not.toBe(oldSecret);
  // "Done" moves to the new key's page (both URLs are /keys/key_…, so wait for the change).
  await expect(page).not.toHaveURL(oldUrl);
  await expect(page).toHaveURL(/\/keys\/key_/);
  await expect(page.getByText("Created by rotation")).toBeVisible();

  await page.getByRole("link", { name: "← All keys" }).click();
  const expiring = page.getByRole("row", { name: /Billing job/ }).filter({ hasText: "Expiring soon" });
  await expect(expiring).toHaveCount(1);
  await expect(expiring).toContainText(/expires in (60|59) minutes/);
  expect(await page.content()).not.toContain(newSecret);
  await shot(page, "07-after-rotation");
  await page.goto(oldUrl);
  await expect(page.getByText(/This key stops working in/)).toBeVisible();
  await expect(page.getByText("Rotated →")).toBeVisible();
  await shot(page, "08-old-key-expiring");
});

test("signed key: issued once; embedded claims are read-only, the rest editable", async ({
  page,
  tenant: _,
}) => {
  await page.goto("/keys");
  const dialog = await openCreateDialog(page, "Partner offline");
  await dialog.getByText("Signed key").click();
  await expect(dialog.getByText("embedded in a signed key")).toBeVisible();
  await dialog.getByLabel("Add a scope").fill("reports:read");
  await dialog.getByLabel("Add a scope").press("Enter");
  await dialog.getByLabel("Environment").selectOption("test");
  await dialog.getByLabel("Expires").selectOption("90");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-secret")).toHaveText(/^akv1_test_[0-9A-Za-z]+\.[0-9A-Za-z]{43}$/);
  await expect(page.getByText("does not keep signed keys")).toBeVisible();
  const secret = await storeSecret(page);

  await page.getByRole("link", { name: "Partner offline" }).click();
  await expect(page.getByText("Embedded in the key (read-only)")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "reports:read" })).toHaveCount(0);
  await page.getByLabel("Name", { exact: true }).fill("Partner offline (EU)");
  await page.getByLabel("IP allowlist").fill("192.0.2.0/24");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Partner offline (EU)" })).toBeVisible();
  await expect(page.getByText("Settings changed: name, IP allowlist")).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await shot(page, "09-signed-key-page");
});

test("key settings: scopes, expiry and metadata; unknown ids are not found; load more", async ({
  page,
  request,
  tenant,
}) => {
  await page.goto("/keys");
  const auth = { authorization: `Bearer ${await tenant.accessToken()}` };
  for (let i = 1; i <= 26; i++) {
    const res = await request.post("/api/tenants/me/api-keys", {
      headers: auth,
      data: { name: `Batch key ${String(i).padStart(2, "0")}`, environment: i % 2 ? "live" : "test" },
    });
    expect(res.status()).toBe(201);
  }
  await page.reload();
  await expect(page.getByRole("row")).toHaveCount(26);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByRole("row")).toHaveCount(27);
  await expect(page.getByRole("row", { name: /Batch key 01/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await page.getByRole("link", { name: "Test", exact: true }).click();
  await expect(page.getByRole("row")).toHaveCount(14);

  await page.getByRole("link", { name: "Batch key 02" }).click();
  await page.getByLabel("Add a scope").fill("orders:read");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByLabel("Expires").selectOption("7");
  await page.getByLabel("Metadata (optional)").fill('{"plan": "pro"}');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByText("Settings changed: scopes, expiry, metadata")).toBeVisible();
  await expect(page.getByText("Management API (access token)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Batch key 02" }).locator("..")).toContainText(
    "Expiring soon",
  );
  await shot(page, "10-key-settings-saved");

  await page.goto("/keys/key_doesNotExist0000000000000");
  await expect(page.getByRole("heading", { name: "Key not found" })).toBeVisible();
});
