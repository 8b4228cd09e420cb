import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createKey, GET as listKeys } from "@/app/api/tenants/me/api-keys/route";
import { GET as auditLog } from "@/app/api/tenants/me/audit-log/route";
import { getDb } from "@/db/client";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";

/**
 * Issue 8, defect 3: keys created within one millisecond must not vanish between pages. The
 * database keeps microseconds; a cursor that holds only milliseconds skips the rows between.
 */
const KEYS = 500;
let account: TestAccount;
let created: string[];

async function pages(handler: typeof listKeys, base: string, owner = account): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < KEYS; page++) {
    const path: string = `${base}?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await call(handler, { token: owner.accessToken, path });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.length).toBeLessThanOrEqual(7);
    ids.push(...body.data.map((row: { id: string }) => row.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

beforeAll(async () => {
  account = await createAccount("keyset");
  created = [];
  // Concurrently, in waves: on PostgreSQL many transactions start within one millisecond.
  for (let wave = 0; wave < KEYS / 50; wave++) {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(createKey, { token: account.accessToken, body: { name: `bulk ${wave}-${i}` } }),
      ),
    );
    for (const res of results) {
      expect(res.status).toBe(201);
      created.push((await res.json()).id);
    }
  }
}, 240_000);

describe("keyset pagination at microsecond precision", () => {
  it("lists 500 keys created concurrently, 7 a page, each exactly once", async () => {
    const ids = await pages(listKeys, "/api/tenants/me/api-keys");
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(KEYS);
    expect(new Set(ids)).toEqual(new Set(created));
  }, 120_000);

  it("lists keys that share one millisecond (distinct microseconds) exactly once", async () => {
    // PGlite runs one transaction at a time, so concurrent creation rarely lands in one
    // millisecond there; this pins the case on every driver: 40 keys, one ms, 40 µs values.
    const owner = await createAccount("keyset-ms");
    for (let i = 0; i < 40; i++) {
      const res = await call(createKey, { token: owner.accessToken, body: { name: `same ms ${i}` } });
      expect(res.status).toBe(201);
    }
    const db = await getDb();
    await db.execute(sql`
      update api_keys set created_at = timestamptz '2026-03-01 12:00:00.123+00'
        + make_interval(secs => (ascii(substr(id, 5, 1)) * 7 % 997) / 1000000.0)
      where tenant_id = ${owner.tenantId}`);
    const ids = await pages(listKeys, "/api/tenants/me/api-keys", owner);
    expect(ids.length).toBe(40);
    expect(new Set(ids).size).toBe(40);
  });

  it("lists their 500 audit events, 7 a page, each exactly once", async () => {
    const ids = await pages(auditLog as typeof listKeys, "/api/tenants/me/audit-log");
    expect(new Set(ids).size).toBe(ids.length);
    // Registration writes events of its own; every key's creation is there once.
    expect(ids.length).toBeGreaterThanOrEqual(KEYS);
  }, 120_000);
});
