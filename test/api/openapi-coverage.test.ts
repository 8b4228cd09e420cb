import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { WEBHOOK_EVENT_TYPES } from "@/lib/schemas/webhooks";
import { call } from "../http";

// Every method every app/api/**/route.ts exports is in the document served at /api/openapi.json,
// and every documented operation is a method some route.ts exports: neither can drift alone.

const API = path.resolve(__dirname, "..", "..", "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** Routes that are deliberately not in the public document, and why. */
const UNDOCUMENTED: Record<string, string> = {
  // Reads for the dashboard's own pages, authenticated by the browser session cookie rather than a
  // token; their shapes follow the pages' needs and may change with them (docs/decisions.md).
  "/api/dashboard/": "session-authenticated reads for the dashboard UI",
  // next-auth's own endpoints (sign-in form post, session, CSRF, callbacks) for the browser; API
  // clients use /api/auth/login and friends, which are documented.
  "/api/auth/{...nextauth}": "next-auth's browser sign-in endpoints",
};

const undocumented = (route: string) =>
  Object.keys(UNDOCUMENTED).some((prefix) => route === prefix || route.startsWith(prefix));

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/tenants/me/api-keys/[id]/rotate/route.ts → /api/tenants/me/api-keys/{id}/rotate */
function routePath(file: string): string {
  const dir = path.relative(API, path.dirname(file)).split(path.sep).join("/");
  return `/api/${dir}`.replace(/\[([^\]]+)\]/g, "{$1}");
}

async function exportedOperations(): Promise<string[]> {
  const operations: string[] = [];
  for (const file of routeFiles(API)) {
    const route = routePath(file);
    if (undocumented(route)) continue;
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS)
      if (typeof module[method] === "function") operations.push(`${method} ${route}`);
  }
  return operations.sort();
}

async function documentedOperations(): Promise<string[]> {
  const res = await call(openapi, { path: "/api/openapi.json" });
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .flatMap(([route, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
    )
    .sort();
}

it("documents every route method, and documents nothing that is not one", async () => {
  const exported = await exportedOperations();
  const documented = await documentedOperations();
  expect(exported.length).toBeGreaterThan(20);
  expect(
    documented.filter((op) => !exported.includes(op)),
    "documented but not exported",
  ).toEqual([]);
  expect(
    exported.filter((op) => !documented.includes(op)),
    "exported but not documented",
  ).toEqual([]);
});

it("finds the routes it leaves out, so the exclusions stay true", () => {
  const routes = routeFiles(API).map(routePath);
  for (const prefix of Object.keys(UNDOCUMENTED))
    expect(routes.some((route) => route.startsWith(prefix))).toBe(true);
  expect(routePath(path.join(API, "tenants/me/api-keys/[id]/rotate/route.ts"))).toBe(
    "/api/tenants/me/api-keys/{id}/rotate",
  );
});

it("documents every webhook event type under `webhooks`, with its payload's type and data", async () => {
  const res = await call(openapi, { path: "/api/openapi.json" });
  type Body = { properties: { type: { const: string }; data: { properties: Record<string, unknown> } } };
  const doc = (await res.json()) as {
    webhooks: Record<
      string,
      { post: { requestBody: { content: { "application/json": { schema: Body } } } } }
    >;
  };
  expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, "webhook.test"].sort());
  for (const type of WEBHOOK_EVENT_TYPES) {
    const schema = doc.webhooks[type]!.post.requestBody.content["application/json"].schema;
    expect(schema.properties.type.const).toBe(type);
    expect(Object.keys(schema.properties.data.properties)).toContain("key");
  }
  const spike = doc.webhooks["usage.failure_spike"]!.post.requestBody.content["application/json"].schema;
  expect(Object.keys(spike.properties.data.properties)).toEqual([
    "key",
    "failures",
    "windowMinutes",
    "threshold",
  ]);
});
