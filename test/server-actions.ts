import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Server actions called the way the browser's React runtime calls them (POST with Next-Action),
 * against a production build: for suites that check the server refuses what the UI hides.
 */

const ROOT = path.resolve(__dirname, "..");

/** The id Next gave a server action in this build (from the build's server-reference manifest). */
export function serverActionId(file: string, exportName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportName && entry.filename?.endsWith(file)) return id;
  }
  throw new Error(`no server action ${exportName} in ${file} in this build`);
}

/** Calls a server action as the browser's React runtime does, and returns the raw RSC answer. */
export async function callServerAction(
  baseUrl: string,
  page: string,
  actionId: string,
  args: unknown[],
  cookie?: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": actionId,
      origin: baseUrl,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  return { status: res.status, text: await res.text() };
}
