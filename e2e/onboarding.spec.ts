import { expect, test } from "./fixtures";

test("ES256 walkthrough: key pair in the browser → upload → signed request → green", async ({
  page,
  tenant: _,
}) => {
  await page.goto("/onboarding");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Generate key pair in this browser" }).click();
  expect((await download).suggestedFilename()).toBe("private.pem");
  await expect(page.getByLabel("public.pem")).toHaveValue(/-----BEGIN PUBLIC KEY-----/);
  await page.screenshot({ path: test.info().outputPath("01-onboarding-keypair.png"), fullPage: true });

  const uploads: string[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST") uploads.push(req.postData() ?? "");
  });
  await page.getByRole("button", { name: "Upload public key" }).click();
  const keyId = (await page.getByTestId("onboarding-key-id").textContent()) ?? "";
  expect(keyId).toMatch(/^key_[0-9A-Za-z]{24}$/);
  // The private key never travels: nothing posted contains a private key.
  expect(uploads.join("\n")).not.toContain("PRIVATE KEY");

  await expect(page.getByRole("region", { name: "node snippet" })).toContainText(keyId);
  await page.getByRole("tab", { name: "Go" }).click();
  await expect(page.getByRole("region", { name: "go snippet" })).toContainText("ParsePKCS8PrivateKey");
  await page.getByRole("tab", { name: "curl" }).click();
  await expect(page.getByRole("region", { name: "curl snippet" })).toContainText("Authorization: Bearer eyJ");
  await expect(page.getByText("Waiting for your first request…")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("02-onboarding-waiting.png"), fullPage: true });

  await page.getByRole("button", { name: "Send a test request from this browser" }).click();
  await expect(page.getByText(/^200 /)).toBeVisible();
  await expect(page.getByText("First verified request received")).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: test.info().outputPath("03-onboarding-green.png"), fullPage: true });
});

test("secret-key walkthrough and a bad PEM", async ({ page, tenant: _ }) => {
  await page.goto("/onboarding");
  await page.getByLabel("public.pem").fill("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----");
  await page.getByRole("button", { name: "Upload public key" }).click();
  // Next's route announcer is also role=alert; the form's own alert is the one that matters.
  await expect(page.locator("[role=alert]:not(#__next-route-announcer__)")).toContainText(
    /PUBLIC KEY|base64|PEM/,
  );

  await page.getByRole("tab", { name: /Secret API key/ }).click();
  await page.getByRole("button", { name: "Create secret key" }).click();
  const secret =
    (await page.getByRole("region", { name: "Your secret key" }).locator("code").textContent()) ?? "";
  expect(secret).toMatch(/^ak_test_[0-9A-Za-z]{49}$/);
  await page.getByRole("button", { name: "Send a test request from this browser" }).click();
  await expect(page.getByText("First verified request received")).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: test.info().outputPath("04-onboarding-secret.png"), fullPage: true });
});
