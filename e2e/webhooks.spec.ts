import { Webhook } from "standardwebhooks";
import { startReceiver } from "../test/webhook-receiver";
import { expect, type Page, shot, test } from "./fixtures";

// Settings → Webhooks, end to end: the production server's own delivery worker POSTs to a receiver
// this spec starts on 127.0.0.1 (the e2e server runs with WEBHOOK_ALLOW_PRIVATE=1).

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Verifies a received request with the Standard Webhooks library and returns its payload. */
function verified(receiver: Receiver, secret: string, type: string) {
  const got = receiver.received.find((r) => JSON.parse(r.body).type === type);
  if (!got) throw new Error(`no ${type} received`);
  return new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
    type: string;
    tenantId: string;
    data: Record<string, unknown>;
  };
}

const deliveryRow = (page: Page, eventType: string) =>
  page.getByTestId("delivery-row").filter({ has: page.getByText(eventType, { exact: true }) });

async function storeSecret(page: Page): Promise<string> {
  const secret = (await page.getByTestId("new-secret").textContent()) ?? "";
  await page.getByLabel("I have stored it").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  return secret;
}

test("an endpoint gets a signed test event and key.revoked, and its log shows both", async ({
  page,
  tenant: _,
}) => {
  const receiver = await startReceiver();
  try {
    await page.goto("/settings");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByText("No endpoints yet.")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill("ftp://example.com/hook");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Give an http:// or https:// URL without credentials in it.")).toBeVisible();
    await page.getByLabel("Endpoint URL").fill(receiver.url("/hook"));
    await page.getByLabel("Description").fill("Pager alerts");
    await page.getByRole("checkbox", { name: /key\.created/ }).check();
    await expect(page.getByRole("checkbox", { name: /key\.revoked/ })).toBeChecked();
    await page.getByRole("button", { name: "Add endpoint" }).click();

    await expect(page.getByTestId("new-secret")).toHaveText(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await expect(page.getByText("This is the only time you will see it.")).toBeVisible();
    // The window only: a full-page shot stretches the page behind a modal <dialog>.
    const windowShot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });
    await windowShot("webhooks-secret-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await windowShot("webhooks-secret-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    const secret = await storeSecret(page);
    await expect(page).toHaveURL(/\/settings\/webhooks\/whe_\w+$/);
    const endpointPage = page.url();
    await expect(page.getByText("No deliveries yet — send a test event.")).toBeVisible();

    await page.getByRole("button", { name: "Send test event" }).click();
    const testEvent = deliveryRow(page, "webhook.test");
    await expect(testEvent.getByTestId("status-code")).toHaveText("200", { timeout: 15_000 });
    await expect(testEvent).toContainText("Succeeded");
    await expect(testEvent).toContainText("Attempt 1");
    expect(verified(receiver, secret, "webhook.test").type).toBe("webhook.test");

    // A key made and revoked through the dashboard sends key.created and key.revoked.
    await page.goto("/keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name", { exact: true }).fill("Hooked backend");
    await dialog.getByRole("button", { name: "Create key" }).click();
    const keySecret = await storeSecret(page);
    await page.getByRole("link", { name: "Hooked backend" }).click();
    await page.getByRole("button", { name: "Revoke" }).click();
    const revoke = page.getByRole("dialog", { name: /Revoke/ });
    await revoke.getByLabel("Reason (optional)").fill("rotating vendors");
    await revoke.getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByTestId("revoked-note")).toContainText("rotating vendors");

    await page.goto(endpointPage);
    const revoked = deliveryRow(page, "key.revoked");
    await expect(revoked.getByTestId("status-code")).toHaveText("200", { timeout: 15_000 });
    await expect(deliveryRow(page, "key.created").getByTestId("status-code")).toHaveText("200");
    const payload = verified(receiver, secret, "key.revoked");
    expect(JSON.stringify(payload)).toContain("rotating vendors");
    expect(JSON.stringify(payload)).toContain("Hooked backend");
    for (const got of receiver.received) expect(got.body).not.toContain(keySecret);
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32).toString("base64")}`).verify(
        receiver.received[0]!.body,
        receiver.received[0]!.headers as Record<string, string>,
      ),
    ).toThrow();
    // The secret never comes back to the browser after it was shown.
    await page.reload();
    expect(await page.content()).not.toContain(secret);

    await revoked.getByText("Response (first 1 KiB)").click();
    await expect(revoked.locator("pre")).toHaveText("ok");
    await shot(page, "webhooks-log-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "webhooks-log-390");
    await page.goto("/settings/webhooks");
    const row = page.getByTestId("endpoint-row");
    await expect(row).toContainText("Pager alerts");
    await expect(row).toContainText("Enabled");
    await shot(page, "webhooks-list-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, "webhooks-list-1280");
  } finally {
    await receiver.close();
  }
});

test("a failing receiver shows the failure; Retry sends again; a 410 switches the endpoint off", async ({
  page,
  tenant,
}) => {
  let answer = { status: 500, body: "receiver down" };
  const receiver = await startReceiver(() => answer);
  try {
    const created = await page.request.post("/api/tenants/me/webhooks", {
      headers: { authorization: `Bearer ${await tenant.accessToken()}` },
      data: { url: receiver.url("/flaky"), eventTypes: ["key.revoked"] },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    await page.goto(`/settings/webhooks/${id}`);

    await page.getByRole("button", { name: "Send test event" }).click();
    const row = deliveryRow(page, "webhook.test");
    await expect(row.getByTestId("status-code")).toHaveText("500", { timeout: 15_000 });
    await expect(row).toContainText("Retrying");
    // The worker's own retry comes ~5 s later; the next one would wait ~5 minutes.
    await expect(row).toContainText("Attempt 2", { timeout: 20_000 });
    await row.getByText("Response (first 1 KiB)").click();
    await expect(row.locator("pre")).toHaveText("receiver down");
    await page.getByRole("tab", { name: "Succeeded" }).click();
    await expect(page.getByText("No delivery has succeeded yet.")).toBeVisible();
    await page.getByRole("tab", { name: "Pending" }).click();
    await expect(row).toContainText("Retrying");

    answer = { status: 200, body: "back" };
    await row.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("tab", { name: "All" }).click();
    await expect(row).toContainText("Succeeded", { timeout: 15_000 });
    await expect(row).toContainText("Attempt 3");
    await expect(row.getByTestId("status-code")).toHaveText("200");

    // 410 Gone: the delivery fails for good and Keydesk switches the endpoint off.
    answer = { status: 410, body: "gone" };
    await page.getByRole("button", { name: "Send test event" }).click();
    const failed = page.getByTestId("delivery-row").filter({ hasText: "410" });
    await expect(failed).toContainText("Failed", { timeout: 15_000 });
    await page.getByRole("tab", { name: "Failed" }).click();
    await expect(page.getByTestId("delivery-row")).toHaveCount(1);
    await page.reload();
    await expect(page.getByText("Disabled by Keydesk: 410 Gone")).toBeVisible();
    const toggle = page.getByRole("switch", { name: "Send events to this endpoint" });
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    answer = { status: 204, body: "" };
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(page.getByText("Disabled by Keydesk")).toHaveCount(0);
    await failed.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByTestId("delivery-row").filter({ hasText: "204" })).toContainText("Succeeded", {
      timeout: 15_000,
    });
  } finally {
    await receiver.close();
  }
});
