import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as register } from "@/app/api/auth/register/route";
import { getDb } from "@/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { PASSWORD } from "../accounts";
import { call, uniqueIp } from "../http";

/**
 * Issue 7, beyond the list: a failed INSERT must not carry its parameters (a password hash) into
 * the log, and the caller sees a bare 500. The failure is real: a trigger refuses the row.
 */
beforeAll(async () => {
  const db = await getDb();
  await db.execute(sql`
    create or replace function keydesk_test_refuse_user() returns trigger language plpgsql as $$
    begin
      if new.email like 'logfail-%' then raise exception 'refused by test trigger'; end if;
      return new;
    end $$`);
  await db.execute(sql`drop trigger if exists keydesk_test_refuse_user on users`);
  await db.execute(sql`
    create trigger keydesk_test_refuse_user before insert on users
    for each row execute function keydesk_test_refuse_user()`);
});

afterAll(async () => {
  const db = await getDb();
  await db.execute(sql`drop trigger if exists keydesk_test_refuse_user on users`);
  vi.restoreAllMocks();
});

describe("a failed insert through a route", () => {
  it("logs no password hash, no query parameters, and answers without internals", async () => {
    overrideEnvForTests({ logLevel: "info" });
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
    vi.spyOn(process.stdout, "write").mockImplementation(capture);

    const res = await call(register, {
      body: { email: `logfail-${Date.now()}@example.com`, password: PASSWORD, tenantName: "Log Co" },
      ip: uniqueIp(),
    });
    vi.restoreAllMocks();
    overrideEnvForTests({ logLevel: "silent" });

    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side." },
    });
    const log = lines.join("");
    expect(log).toContain("unhandled error in route");
    // The cause is still there for the operator, without the values.
    expect(log).toContain("refused by test trigger");
    expect(log).not.toMatch(/scrypt\$/);
    expect(log).not.toMatch(/params:/);
    expect(log).not.toContain(PASSWORD);
  });
});
