import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { hashPassword } from "../../lib/auth/password";
import { newId } from "../../lib/ids";
import { type RunningServer, startServer } from "./harness";

/**
 * What a browser does against a running server, without a browser: next-auth's credentials login
 * (the session cookie), and server actions called the way React calls them (POST with Next-Action).
 */

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

function merge(jar: string[], set: string[]): string[] {
  const byName = new Map(jar.map((cookie) => [cookie.split("=")[0], cookie]));
  for (const cookie of set) byName.set(cookie.split("=")[0], cookie);
  return [...byName.values()];
}

export async function csrf(baseUrl: string, jar: string[] = []): Promise<{ token: string; jar: string[] }> {
  const res = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.join("; ") } });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, jar: merge(jar, cookiesOf(res)) };
}

export async function browserSignIn(baseUrl: string, email: string, password: string): Promise<string[]> {
  const { token, jar } = await csrf(baseUrl);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
  });
  const signedIn = merge(jar, cookiesOf(res));
  if (!signedIn.some((cookie) => cookie.startsWith("next-auth.session-token=")))
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return signedIn;
}

export async function browserSignOut(baseUrl: string, jar: string[]): Promise<void> {
  const { token, jar: withCsrf } = await csrf(baseUrl, jar);
  await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: withCsrf.join("; ") },
    body: new URLSearchParams({ csrfToken: token, json: "true" }),
  });
}

/** 200 when the cookie opens the dashboard, else the redirect status (to /login). */
export async function dashboardStatus(baseUrl: string, jar: string[]): Promise<number> {
  const res = await fetch(`${baseUrl}/keys`, { redirect: "manual", headers: { cookie: jar.join("; ") } });
  return res.status;
}

/** The Cookie header of a signed-in browser. */
export async function browserSession(baseUrl: string, email: string, password: string): Promise<string> {
  return (await browserSignIn(baseUrl, email, password)).join("; ");
}

export { callServerAction, serverActionId } from "../server-actions";

type Sql = (query: string, params: unknown[]) => Promise<unknown>;

/**
 * Adds a viewer to a tenant, straight in the database (quicker than an invitation's round trip). With
 * PostgreSQL it writes while the server runs; with the embedded database the server must be stopped,
 * since only one process may open its directory.
 */
export async function insertViewer(
  where: { databaseUrl: string } | { dataDir: string },
  tenantId: string,
  email: string,
  password: string,
): Promise<void> {
  const userId = newId("usr");
  const passwordHash = await hashPassword(password);
  const statements: [string, unknown[]][] = [
    ["insert into users (id, email, password_hash) values ($1, $2, $3)", [userId, email, passwordHash]],
    ["insert into memberships (tenant_id, user_id, role) values ($1, $2, 'viewer')", [tenantId, userId]],
  ];
  if ("databaseUrl" in where) {
    const sql = postgres(where.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      for (const [text, params] of statements) await sql.unsafe(text, params as never[]);
    } finally {
      await sql.end({ timeout: 2 });
    }
    return;
  }
  const db = await PGlite.create(path.resolve(where.dataDir, "pglite"));
  const run: Sql = (text, params) => db.query(text, params);
  try {
    for (const [text, params] of statements) await run(text, params);
  } finally {
    await db.close();
  }
}

/**
 * Adds a viewer to a running server's tenant and returns the server to use from then on: the same
 * one on PostgreSQL, a restarted one on the same port and directory on the embedded database.
 */
export async function withViewer(
  server: RunningServer,
  dataDir: string,
  viewer: { tenantId: string; email: string; password: string },
): Promise<RunningServer> {
  const { tenantId, email, password } = viewer;
  if (process.env.DATABASE_URL) {
    await insertViewer({ databaseUrl: process.env.DATABASE_URL }, tenantId, email, password);
    return server;
  }
  const port = server.port;
  await server.stop();
  await insertViewer({ dataDir }, tenantId, email, password);
  return startServer({ dataDir, port });
}
