import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";

function opensslKeys() {
  const dir = mkdtempSync(path.join(tmpdir(), "keydesk-e2e-pem-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
  run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "private.pem");
  run("ec", "-in", "private.pem", "-pubout", "-out", "public.pem");
  run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem");
  run("pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa-public.pem");
  return {
    p256: readFileSync(path.join(dir, "public.pem"), "utf8"),
    rsa: readFileSync(path.join(dir, "rsa-public.pem"), "utf8"),
  };
}

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("Company or project name").fill("Keys Co");
  await page.getByLabel("Work email").fill(`keys-${randomBytes(4).toString("hex")}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByRole("link", { name: "Keys" }).click();
}

async function createKey(page: Page, name: string, fill?: () => Promise<void>) {
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await fill?.();
  await page.getByRole("button", { name: "Create key" }).click();
}

async function storeSecret(page: Page): Promise<string> {
  const secret = (await page.getByTestId("new-secret").textContent()) ?? "";
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();
  return secret;
}

test("secret key: shown once, never again, then revoked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page);
  await createKey(page, "Checkout backend", async () => {
    await page.getByLabel("Add a scope").fill("Orders:Write");
    await expect(page.getByText("A scope is two lowercase words")).toBeVisible();
    await page.getByLabel("Add a scope").fill("orders:write");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByLabel(/IP allowlist/).fill("10.0.0.0/8\n10.0.0.1/8");
    await expect(page.getByText(/10\.0\.0\.1\/8:/)).toBeVisible();
    await page.getByLabel(/IP allowlist/).fill("10.0.0.0/8");
    await page.screenshot({ path: test.info().outputPath("01-create-dialog.png"), fullPage: true });
  });
  await expect(page.getByTestId("new-secret")).toHaveText(/^ak_live_[0-9A-Za-z]{49}$/);
  await page.screenshot({ path: test.info().outputPath("02-secret-once.png"), fullPage: true });
  const secret = await storeSecret(page);

  const row = page.getByRole("row", { name: /Checkout backend/ });
  await expect(row).toContainText(`${secret.slice(0, 12)}…${secret.slice(-4)}`);
  await expect(row).toContainText("orders:write");
  await page.reload();
  expect(await page.content()).not.toContain(secret);
  await page.screenshot({ path: test.info().outputPath("03-keys-table.png"), fullPage: true });

  await page.getByRole("link", { name: "Checkout backend" }).click();
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByLabel("Reason (optional)").fill("laptop stolen");
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("revoked-note")).toContainText("laptop stolen");
  await expect(page.getByText("Revoked", { exact: true }).first()).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await page.screenshot({ path: test.info().outputPath("04-key-revoked.png"), fullPage: true });
});

test("public key upload, bad PEM message, rotation with grace, signed key", async ({ page }) => {
  const pems = opensslKeys();
  await signUp(page);
  await createKey(page, "RSA attempt", async () => {
    await page.getByText("Public key (ES256)").click();
    await page.getByLabel("Public key (public.pem)").fill(pems.rsa);
  });
  await expect(page.getByRole("alert").filter({ hasText: /RSA/ })).toBeVisible();
  await page.getByLabel("Public key (public.pem)").fill(pems.p256);
  await page.getByLabel("Name", { exact: true }).fill("Mobile signer");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-key-id")).toHaveText(/^key_[0-9A-Za-z]{24}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: /Mobile signer/ })).toBeVisible();

  await createKey(page, "Billing job");
  const oldSecret = await storeSecret(page);
  await page.getByRole("link", { name: "Billing job" }).click();
  await page.getByRole("button", { name: "Rotate" }).click();
  await page.getByLabel("In 1 hour").check();
  await page.getByRole("button", { name: "Rotate key" }).click();
  const newSecret = await storeSecret(page);
  expect(newSecret).not.toBe(oldSecret);
  await expect(page).toHaveURL(/\/keys\/key_/);
  await page.getByRole("link", { name: "← All keys" }).click();
  await expect(
    page.getByRole("row", { name: /Billing job/ }).filter({ hasText: "Expiring soon" }),
  ).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("05-after-rotation.png"), fullPage: true });

  await createKey(page, "Partner offline", async () => {
    await page.getByText("Signed key").click();
  });
  await expect(page.getByTestId("new-secret")).toHaveText(/^akv1_live_/);
  await storeSecret(page);
});

test("settings: scope catalog feeds the create dialog; signing secret shown once", async ({ page }) => {
  await signUp(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("New scope").fill("invoices:read");
  await page.getByRole("button", { name: "Add scope" }).click();
  await page.getByRole("button", { name: "Save scope catalog" }).click();
  await expect(page.getByText("Scope catalog saved.")).toBeVisible();
  await page.getByRole("button", { name: "Add signing secret" }).click();
  await expect(page.getByTestId("new-secret")).toHaveText(/^aksec_/);
  await page.screenshot({ path: test.info().outputPath("06-signing-secret.png"), fullPage: true });
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("signs new keys")).toBeVisible();

  await page.getByRole("link", { name: "Keys" }).click();
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByRole("checkbox", { name: "invoices:read" })).toBeVisible();
});
