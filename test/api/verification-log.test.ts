import { beforeAll, describe, expect, it } from "vitest";
import { GET as keyLog } from "@/app/api/tenants/me/api-keys/[id]/verifications/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getDb } from "@/db/client";
import { writeLogEntries } from "@/lib/dal/verification-log/write-log";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";
import { getVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { joinAs } from "../teams";
import { createTestKey } from "../verification";

let owner: TestAccount;
let other: TestAccount;
let key: { id: string; key: string };

const logOf = (id: string, query = "", token = owner.accessToken) =>
  call(keyLog, { token, params: { id }, path: `/?${query}` });

/** Rows straight into the table, as a flush writes them: for times a test must choose. */
async function insertEntries(keyId: string, tenantId: string, entries: Partial<LogEntry>[]) {
  const db = await getDb();
  await db.transaction((tx) =>
    writeLogEntries(
      tx,
      entries.map((e) => ({
        tenantId,
        keyId,
        at: Date.now(),
        outcome: "VALID",
        ip: "192.0.2.200",
        route: "verify",
        userAgent: null,
        scopes: null,
        weight: 1,
        ...e,
      })),
    ),
  );
}

beforeAll(async () => {
  owner = await createAccount("vlog");
  other = await createAccount("vlog-other");
  key = await createTestKey(owner, { scopes: ["orders:read"] });
  await call(whoami, {
    headers: { "x-api-key": key.key, "user-agent": '=HYPERLINK("http://evil"),curl' },
    ip: "192.0.2.10",
  });
  await call(verify, { body: { key: key.key, scopes: ["orders:read"], ip: "198.51.100.7" } });
  await call(verify, { body: { key: key.key, scopes: ["orders:write"], ip: "198.51.100.7" } });
  await getVerifier().usage.flush();
});

describe("GET /api/tenants/me/api-keys/{id}/verifications", () => {
  it("lists the key's verifications newest first, with what each one was", async () => {
    const res = await logOf(key.id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.sampled).toBe(false);
    expect(body.nextCursor).toBeNull();
    expect(body.data.map((e: { outcome: string }) => e.outcome)).toEqual([
      "INSUFFICIENT_SCOPE",
      "VALID",
      "VALID",
    ]);
    const [denied, verified, identified] = body.data;
    expect(denied).toMatchObject({
      path: "verify",
      address: "198.51.100.7",
      scopes: ["orders:write"],
      userAgent: null,
    });
    expect(verified).toMatchObject({ path: "verify", scopes: ["orders:read"], weight: 1 });
    expect(identified).toMatchObject({
      path: "whoami",
      address: "192.0.2.10",
      userAgent: '=HYPERLINK("http://evil"),curl',
      scopes: [],
    });
    expect(Date.parse(denied.at)).toBeGreaterThanOrEqual(Date.parse(identified.at));
  });

  it("filters by outcome and by address (in canonical form)", async () => {
    const denied = await (await logOf(key.id, "outcome=INSUFFICIENT_SCOPE")).json();
    expect(denied.data).toHaveLength(1);
    const fromGateway = await (await logOf(key.id, "address=198.51.100.7")).json();
    expect(fromGateway.data).toHaveLength(2);
    const mapped = await (await logOf(key.id, `address=${encodeURIComponent("::ffff:192.0.2.10")}`)).json();
    expect(mapped.data.map((e: { path: string }) => e.path)).toEqual(["whoami"]);
    const both = await (await logOf(key.id, "address=198.51.100.7&outcome=VALID")).json();
    expect(both.data).toHaveLength(1);
  });

  it("refuses bad filters with a 400 naming the field", async () => {
    for (const [query, field] of [
      ["outcome=NOPE", "outcome"],
      ["address=300.1.1.1", "address"],
      ["cursor=bm90LWEtY3Vyc29y", "cursor"],
      ["limit=0", "limit"],
      ["colour=red", ""],
    ]) {
      const res = await logOf(key.id, query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("VALIDATION_ERROR");
      expect(body.error.message).toContain(field);
    }
  });

  it("pages with a cursor across equal times: no entry twice, none skipped", async () => {
    const paged = await createTestKey(owner);
    const at = Date.now() - 60_000;
    await insertEntries(
      paged.id,
      owner.tenantId,
      Array.from({ length: 23 }, (_, i) => ({ at: i < 20 ? at : at + i, ip: `192.0.2.${i}` })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const query: string = `limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const body = await (await logOf(paged.id, query)).json();
      seen.push(...body.data.map((e: { id: string }) => e.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const all = await (await logOf(paged.id, "limit=100")).json();
    expect(all.data.map((e: { id: string }) => e.id)).toEqual(seen);
    expect(all.data.slice(0, 3).map((e: { address: string }) => e.address)).toEqual([
      "192.0.2.22",
      "192.0.2.21",
      "192.0.2.20",
    ]);
  });

  it("says when a page holds sampled entries", async () => {
    const busy = await createTestKey(owner);
    await insertEntries(busy.id, owner.tenantId, [{ weight: 1 }, { weight: 100 }]);
    const body = await (await logOf(busy.id)).json();
    expect(body.sampled).toBe(true);
    expect(body.data.map((e: { weight: number }) => e.weight).sort()).toEqual([1, 100]);
  });

  it("another tenant gets 404 for the key and sees none of its entries; anonymous gets 401", async () => {
    const res = await logOf(key.id, "", other.accessToken);
    expect(res.status).toBe(404);
    const own = await createTestKey(other);
    await insertEntries(own.id, other.tenantId, [{}]);
    // The other tenant's key id under this tenant's token: not found, not the other's entries.
    expect((await logOf(own.id)).status).toBe(404);
    expect((await call(keyLog, { params: { id: key.id } })).status).toBe(401);
  });

  it("a viewer reads the log", async () => {
    const viewer = await joinAs(owner, "viewer");
    const res = await logOf(key.id, "", viewer.accessToken);
    expect(res.status).toBe(200);
    expect((await res.json()).data.length).toBeGreaterThan(0);
  });
});

describe("GET …/verifications?format=csv", () => {
  it("downloads the filtered log as CSV, guarding cells a spreadsheet would run", async () => {
    const res = await logOf(key.id, "format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="verifications-${key.id}.csv"`);
    const lines = res.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,outcome,address,path,user_agent,scopes,weight");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^\d{4}-.*Z,INSUFFICIENT_SCOPE,198\.51\.100\.7,verify,,orders:write,1$/);
    expect(lines[3]).toMatch(/,whoami,"'=HYPERLINK\(""http:\/\/evil""\),curl",,1$/);
    const filtered = await logOf(key.id, "format=csv&outcome=INSUFFICIENT_SCOPE");
    expect(filtered.text.trimEnd().split("\r\n")).toHaveLength(2);
    expect((await logOf(key.id, "format=csv", other.accessToken)).status).toBe(404);
  });
});
