import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as addressesRoute } from "@/app/api/tenants/me/api-keys/[id]/addresses/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { pruneExpired } from "@/lib/dal/retention";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import { listKeyAddresses, listNewAddresses } from "@/lib/dal/verification-log/key-addresses";
import type { LogEntry } from "@/lib/usage/verification-log-buffer";
import { getVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { joinAs } from "../teams";
import { createTestKey } from "../verification";

const DAY = 86_400_000;

const ctxOf = (account: TestAccount) => ({
  tenantId: account.tenantId,
  userId: account.userId,
  role: "viewer" as const,
  actor: { type: "system" as const },
  ip: "192.0.2.1",
});

/** Log entries at chosen times, through the usage batch's real write path (a controllable clock). */
async function seen(account: TestAccount, keyId: string, ip: string, at: number, weight = 1) {
  const entry: LogEntry = {
    tenantId: account.tenantId,
    keyId,
    at,
    outcome: "VALID",
    ip,
    route: "verify",
    userAgent: null,
    scopes: null,
    weight,
  };
  await writeUsageBatch({ id: randomUUID(), counts: [], lastUsed: [], log: [entry] });
}

let owner: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  [owner, other] = await Promise.all([createAccount("addresses"), createAccount("addresses-other")]);
});

describe("a key's addresses", () => {
  it("come from real verifications, whatever their outcome, with first/last seen and counts", async () => {
    const key = await createTestKey(owner, { scopes: ["orders:read"] });
    await call(whoami, { headers: { "x-api-key": key.key }, ip: "192.0.2.10" });
    await call(whoami, { headers: { "x-api-key": key.key }, ip: "192.0.2.10" });
    await call(verify, { body: { key: key.key, scopes: ["orders:write"], ip: "2001:db8::7" } });
    await getVerifier().usage.flush();

    const res = await call(addressesRoute, { token: owner.accessToken, params: { id: key.id } });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toHaveLength(2);
    const byAddress = Object.fromEntries(data.map((row: { address: string }) => [row.address, row]));
    // The key's first address is its baseline; the next one is news.
    expect(byAddress["192.0.2.10"]).toMatchObject({ count: 2, new: false, newSince: null });
    expect(byAddress["2001:db8::7"]).toMatchObject({ count: 1, new: true });
    for (const row of data)
      expect(Date.parse(row.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(row.firstSeenAt));
  });

  it("flags an address new for 24 h, and again only after 30 days unseen; the first one is the baseline", async () => {
    const key = await createTestKey(owner);
    const t0 = Date.now() - 80 * DAY;
    const ctx = ctxOf(owner);
    const one = async (now: number) =>
      (await listKeyAddresses(ctx, key.id, now)).find((r) => r.address === "198.51.100.1");
    await seen(owner, key.id, "192.0.2.1", t0 - 3_600_000);
    expect(await listKeyAddresses(ctx, key.id, t0)).toMatchObject([
      { address: "192.0.2.1", new: false, newSince: null },
    ]);

    await seen(owner, key.id, "198.51.100.1", t0);
    expect(await one(t0 + 1000)).toMatchObject({ new: true, count: 1, newSince: new Date(t0).toISOString() });
    expect(await one(t0 + DAY + 1000)).toMatchObject({ new: false });

    // Back after 29 days: not new, one stretch since t0.
    await seen(owner, key.id, "198.51.100.1", t0 + 29 * DAY);
    expect(await one(t0 + 29 * DAY + 1000)).toMatchObject({
      new: false,
      count: 2,
      newSince: new Date(t0).toISOString(),
    });

    // A late batch from another instance never winds last-seen back.
    await seen(owner, key.id, "198.51.100.1", t0 + 10 * DAY, 100);
    expect(await one(t0 + 29 * DAY + 1000)).toMatchObject({
      count: 102,
      lastSeenAt: new Date(t0 + 29 * DAY).toISOString(),
    });

    // Back after 30 days unseen: new again, first seen unchanged; so is the baseline address.
    const t1 = t0 + 29 * DAY + 30 * DAY;
    await seen(owner, key.id, "198.51.100.1", t1);
    await seen(owner, key.id, "192.0.2.1", t1);
    const again = await listKeyAddresses(ctx, key.id, t1 + 1000);
    expect(again.find((r) => r.address === "198.51.100.1")).toMatchObject({
      new: true,
      newSince: new Date(t1).toISOString(),
      firstSeenAt: new Date(t0).toISOString(),
    });
    expect(again.find((r) => r.address === "192.0.2.1")).toMatchObject({ new: true });
  });

  it("lists the tenant's new addresses of the last 24 h on the usage page, and only the tenant's", async () => {
    const account = await createAccount("addresses-usage");
    const key = await createTestKey(account, { name: "Partner key" });
    const now = Date.now();
    await seen(account, key.id, "203.0.113.4", now - 3 * DAY);
    await seen(account, key.id, "203.0.113.5", now - 2 * DAY);
    await seen(account, key.id, "203.0.113.6", now - 3_600_000);
    const theirs = await createTestKey(other);
    await seen(other, theirs.id, "203.0.113.98", now - 120_000);
    await seen(other, theirs.id, "203.0.113.99", now - 60_000);

    const fresh = await listNewAddresses(ctxOf(account), now);
    expect(fresh.count).toBe(1);
    expect(fresh.data).toEqual([
      {
        keyId: key.id,
        keyName: "Partner key",
        address: "203.0.113.6",
        newSince: expect.any(String),
        count: 1,
      },
    ]);
  });

  it("is 404 for another tenant's key, 401 without a token, and readable by a viewer", async () => {
    const key = await createTestKey(owner);
    await seen(owner, key.id, "192.0.2.77", Date.now());
    const stranger = await call(addressesRoute, { token: other.accessToken, params: { id: key.id } });
    expect(stranger.status).toBe(404);
    expect(stranger.text).not.toContain("192.0.2.77");
    expect((await call(addressesRoute, { params: { id: key.id } })).status).toBe(401);
    const viewer = await joinAs(owner, "viewer");
    const read = await call(addressesRoute, { token: viewer.accessToken, params: { id: key.id } });
    expect(read.status).toBe(200);
    expect((await read.json()).data.map((row: { address: string }) => row.address)).toEqual(["192.0.2.77"]);
  });

  it("forgets addresses unseen for 30 days (retention), so they come back new", async () => {
    const account = await createAccount("addresses-retention");
    const key = await createTestKey(account);
    const now = Date.now();
    await seen(account, key.id, "192.0.2.50", now - 31 * DAY);
    await seen(account, key.id, "192.0.2.51", now - 29 * DAY);
    expect(await listKeyAddresses(ctxOf(account), key.id, now)).toHaveLength(2);
    await pruneExpired(new Date(now), 7);
    const left = await listKeyAddresses(ctxOf(account), key.id, now);
    expect(left.map((row) => row.address)).toEqual(["192.0.2.51"]);
  });
});
