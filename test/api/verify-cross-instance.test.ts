import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getDb } from "@/db/client";
import { KEY_CHANGES_CHANNEL } from "@/lib/dal/api-keys/notify";
import { createAccount, type TestAccount } from "../accounts";
import { within } from "../eventually";
import { call } from "../http";
import { createTestKey } from "../verification";

/**
 * Another instance revokes a key: it writes the row and NOTIFYs on its own connection. This
 * instance, which had the key cached, must refuse it within 1 s. On PostgreSQL the "other
 * instance" is a separate connection, as in production; on PGlite (one process by design) the
 * same statements go through the one embedded database.
 */
const databaseUrl = process.env.DATABASE_URL;
let other: postgres.Sql | undefined;
let owner: TestAccount;

async function otherInstanceRevokes(keyId: string) {
  if (other) {
    await other.begin(async (tx) => {
      await tx`update api_keys set revoked_at = now(), revoked_reason = 'other instance' where id = ${keyId}`;
      await tx`select pg_notify(${KEY_CHANGES_CHANNEL}, ${`key:${keyId}`})`;
    });
    return;
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update api_keys set revoked_at = now(), revoked_reason = 'other instance' where id = ${keyId}`,
    );
    await tx.execute(sql`select pg_notify(${KEY_CHANGES_CHANNEL}, ${`key:${keyId}`})`);
  });
}

beforeAll(async () => {
  if (databaseUrl) other = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  owner = await createAccount("instances");
});

afterAll(async () => {
  await other?.end({ timeout: 2 });
});

describe(`revocation by another instance (${databaseUrl ? "separate PostgreSQL connection" : "embedded PGlite"})`, () => {
  it("reaches this instance's cache within 1 s", async () => {
    const key = await createTestKey(owner);
    expect((await call(whoami, { headers: { "x-api-key": key.key } })).status).toBe(200);
    const started = Date.now();
    await otherInstanceRevokes(key.id);
    const status = await within(
      1000,
      async () => (await call(whoami, { headers: { "x-api-key": key.key } })).status,
      401,
    );
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
