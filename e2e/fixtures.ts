import { randomBytes } from "node:crypto";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";

/**
 * The one way a spec gets a signed-in tenant: a fresh tenant registered through the API, and the
 * page's browser context logged in through next-auth's real credentials callback (the cookie lands
 * in the context's storage, as a login through the form would leave it). The login form itself is
 * exercised by auth-journey.spec.ts.
 */
export const PASSWORD = "correct horse battery";

export type Tenant = {
  email: string;
  name: string;
  /** An access token for the management API (a fresh login). */
  accessToken(): Promise<string>;
  /** A key made through the management API; `key` is its secret, when it has one. */
  createKey(body: Record<string, unknown>): Promise<{ id: string; key?: string } & Record<string, unknown>>;
};

export async function registerTenant(request: APIRequestContext, label = "e2e"): Promise<Tenant> {
  const email = `${label}-${randomBytes(5).toString("hex")}@example.com`;
  const name = `${label[0]?.toUpperCase() ?? ""}${label.slice(1)} Co`;
  const res = await request.post("/api/auth/register", {
    data: { email, password: PASSWORD, tenantName: name },
  });
  expect(res.status()).toBe(201);
  const accessToken = async () => {
    const login = await request.post("/api/auth/login", { data: { email, password: PASSWORD } });
    expect(login.status()).toBe(200);
    return (await login.json()).accessToken as string;
  };
  return {
    email,
    name,
    accessToken,
    async createKey(body) {
      const created = await request.post("/api/tenants/me/api-keys", {
        headers: { authorization: `Bearer ${await accessToken()}` },
        data: body,
      });
      expect(created.status()).toBe(201);
      return created.json();
    },
  };
}

/** Logs the page's browser context in, as the login form does, through next-auth's callback. */
export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), "next-auth accepts the credentials").toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(true);
}

export const test = base.extend<{ tenant: Tenant; cspViolations: string[] }>({
  /**
   * Every journey fails if the browser reports a Content-Security-Policy violation: the dashboard's
   * CSP must allow everything the app really does, and nothing more.
   */
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
          violations.push(message.text());
      });
      await use(violations);
      expect(violations, "CSP violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
  tenant: async ({ page, request }, use, testInfo) => {
    const tenant = await registerTenant(request, testInfo.titlePath[0]?.replace(/\W.*$/, "") || "e2e");
    await logIn(page, tenant.email);
    await use(tenant);
  },
});

export type { APIRequestContext, Page } from "@playwright/test";
export { expect };

/** A full-page screenshot into the test's output folder (test-results/, never committed). */
export function shot(page: Page, name: string) {
  return page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}
