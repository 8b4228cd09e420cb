import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as usage } from "@/app/api/tenants/me/usage/route";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

let owner: TestAccount;
let other: TestAccount;
let keys: { id: string }[];
const HOUR = 3_600_000;
// Whole hours back from now, so the rows fall in known buckets of a fixed range.
const base = Math.floor(Date.now() / HOUR) * HOUR - 5 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  owner = await createAccount("usage-csv");
  other = await createAccount("usage-csv-other");
  keys = [await createTestKey(owner), await createTestKey(owner)];
  const count = (keyId: string, minute: number, outcome: string, n: number) => ({
    tenantId: owner.tenantId,
    keyId,
    minute,
    outcome,
    count: n,
  });
  await writeUsageBatch({
    id: randomUUID(),
    counts: [
      count(keys[0]!.id, base + 60_000, "VALID", 3),
      count(keys[0]!.id, base + 61 * 60_000, "INSUFFICIENT_SCOPE", 2),
      count(keys[1]!.id, base + 62 * 60_000, "VALID", 4),
      count(keys[1]!.id, base + 4 * HOUR, "VALID", 9),
    ],
    lastUsed: [],
    log: [],
  });
});

const csvOf = (query: string, token = owner.accessToken) =>
  call(usage, {
    token,
    path: `/?format=csv&interval=hour&from=${iso(base)}&to=${iso(base + 3 * HOUR)}${query}`,
  });

describe("GET /api/tenants/me/usage?format=csv", () => {
  it("writes the tenant's counts in the range, a line per bucket and outcome, as an attachment", async () => {
    const res = await csvOf("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="usage-tenant-${iso(base).slice(0, 10)}-hour.csv"`,
    );
    expect(res.text).toBe(
      [
        "bucket_start,interval,outcome,count",
        `${iso(base)},hour,VALID,3`,
        `${iso(base + HOUR)},hour,INSUFFICIENT_SCOPE,2`,
        `${iso(base + HOUR)},hour,VALID,4`,
        "",
      ].join("\r\n"),
    );
  });

  it("writes one key's counts with keyId; another tenant's key gives nothing of them", async () => {
    const own = await csvOf(`&keyId=${keys[1]!.id}`);
    expect(own.text.split("\r\n").slice(1, -1)).toEqual([`${iso(base + HOUR)},hour,VALID,4`]);
    const foreign = await csvOf(`&keyId=${keys[1]!.id}`, other.accessToken);
    expect(foreign.status).toBe(200);
    expect(foreign.text).toBe("bucket_start,interval,outcome,count\r\n");
  });

  it("refuses a bad format or range like the JSON answer", async () => {
    const res = await call(usage, { token: owner.accessToken, path: "/?format=xlsx" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain("format");
    expect((await call(usage, { path: "/?format=csv" })).status).toBe(401);
  });
});
