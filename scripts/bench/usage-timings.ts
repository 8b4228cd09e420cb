import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { percentile } from "./load";

export type Timing = { name: string; samples: number; p50: number; max: number };

function timing(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const result = {
    name,
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    max: round(sorted.at(-1)!),
  };
  console.info(
    `${name.padEnd(60)} p50 ${String(result.p50).padStart(7)} ms   max ${String(result.max).padStart(7)} ms`,
  );
  return result;
}

/**
 * Request to last byte over loopback, so an upper bound on the server's time: a chart read through
 * the management API, 3 untimed requests first.
 */
export async function timeGet(
  name: string,
  url: string,
  accessToken: string,
  samples: number,
): Promise<Timing & { body: unknown }> {
  const times: number[] = [];
  let body: unknown;
  for (let i = 0; i < samples + 3; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } });
    const text = await res.text();
    const elapsed = performance.now() - started;
    if (!res.ok) throw new Error(`${url}: ${res.status} ${text}`);
    if (i >= 3) times.push(elapsed);
    body = JSON.parse(text);
  }
  return { ...timing(name, times), body };
}

const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * The usage page as an admin sees it, in Chromium: from navigation to the chart's bars drawn with
 * the default range (24 h; the server draws them into the first HTML), then to the page being
 * fully loaded (its scripts run: what "interactive" needs), and from a click on "30d" to the chart
 * drawn with 30 days. One untimed load first.
 */
export async function timeUsagePage(
  base: string,
  account: { email: string; password: string },
  runs: number,
): Promise<Timing[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    const login = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, ...account, json: "true" },
      maxRedirects: 0,
    });
    if (login.status() >= 400) throw new Error(`bench login failed: ${login.status()}`);
    const chart = page.getByRole("img", { name: "Verifications over time, stacked by outcome" });
    const caption = page.getByTestId("usage-caption");
    const bars = chart.locator("svg rect[data-outcome]").first();
    const drawn: number[] = [];
    const loads: number[] = [];
    const switches: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      let started = performance.now();
      const loaded = page.waitForEvent("load");
      await page.goto("/usage", { waitUntil: "commit" });
      await bars.waitFor();
      await caption.filter({ hasText: "the last 24 hours" }).waitFor();
      if (i > 0) drawn.push(performance.now() - started);
      await loaded;
      if (i > 0) loads.push(performance.now() - started);
      started = performance.now();
      await page.getByRole("tab", { name: "30d" }).click();
      await caption.filter({ hasText: "the last 30 days" }).waitFor();
      await bars.waitFor();
      if (i > 0) switches.push(performance.now() - started);
    }
    return [
      timing("usage page: navigation → chart drawn (24 h)", drawn),
      timing("usage page: navigation → load event (scripts run)", loads),
      timing("usage page: click 30d → chart drawn (30 days)", switches),
    ];
  } finally {
    await browser.close();
  }
}
