import { test as base, expect } from "@playwright/test";

/**
 * Every journey fails if the browser reports a Content-Security-Policy violation: the dashboard's
 * CSP (proxy.ts) must allow everything the app really does, and nothing more.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
          violations.push(message.text());
        }
      });
      await use(violations);
      expect(violations, "CSP violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export type { APIRequestContext, Page } from "@playwright/test";
export { expect };
