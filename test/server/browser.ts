import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { hashPassword } from "../../lib/auth/password";
import { newId } from "../../lib/ids";

/**
 * What a browser does against a running server, without a browser: next-auth's credentials login
 * (the session cookie), and server actions called the way React calls them (POST with Next-Action).
 */

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
}

/** Logs in through next-auth's own routes and returns the Cookie header a browser would send. */
export async function browserSession(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(login).filter((cookie) => cookie.includes("session-token="));
  if (session.length === 0) throw new Error(`login failed: ${login.status}`);
  return [...jar, ...session].join("; ");
}

const ROOT = path.resolve(__dirname, "..", "..");

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

type Sql = (query: string, params: unknown[]) => Promise<unknown>;

/**
 * Adds a viewer to a tenant, straight in the database (Keydesk has no invitations yet). With
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
