import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchKey, DELETE as revokeKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { createExpiryJob } from "@/lib/webhooks/event-jobs";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";
import { startReceiver } from "../webhook-receiver";
import { createTestEndpoint, deliverAndVerify } from "../webhooks";

// Issue 13, slice 5: key.expiring 7 days and 1 day before expiresAt, and key.expired, each once per
// (key, expiry) — across runs, across two instances, and again when the expiry changes.

const DAY = 86_400_000;
const EXPIRY_TYPES = ["key.expiring", "key.expired"];
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** Two "instances" of the job on one clock the test moves, limited to these tenants. */
function jobs(accounts: TestAccount[], start: number, batchSize?: number) {
  let now = start;
  const options = {
    clock: { now: () => new Date(now) },
    onlyTenantIds: accounts.map((a) => a.tenantId),
    batchSize,
  };
  const [a, b] = [createExpiryJob(options), createExpiryJob(options)];
  return {
    at: (ms: number) => {
      now = start + ms;
    },
    /** Both instances at once; the number of events queued in total. */
    runBoth: async () => (await Promise.all([a.runOnce(), b.runOnce()])).reduce((x, y) => x + y, 0),
    runOnce: () => a.runOnce(),
  };
}

async function setup(name: string, expiresInMs: number) {
  const owner = await createAccount(`${name}`);
  const other = await createAccount(`${name}-other`);
  const path = `/${name}`;
  const endpoint = await createTestEndpoint(owner, { url: receiver.url(path), eventTypes: EXPIRY_TYPES });
  await createTestEndpoint(other, { url: receiver.url(`${path}-other`), eventTypes: EXPIRY_TYPES });
  const start = Date.now();
  const key = await createTestKey(owner, { expiresAt: new Date(start + expiresInMs).toISOString() });
  const deliver = () => deliverAndVerify(receiver, [owner.tenantId, other.tenantId], path, endpoint.secret);
  return { owner, other, key, start, path, deliver, job: jobs([owner, other], start) };
}

describe("key.expiring and key.expired", () => {
  it("fire once per threshold along the 7d → 1d → expired timeline, even with two instances", async () => {
    const { key, job, deliver, path } = await setup("whx-timeline", 10 * DAY);
    expect(await job.runBoth()).toBe(0);
    job.at(3.5 * DAY);
    expect(await job.runBoth()).toBe(1);
    expect(await job.runBoth()).toBe(0);
    job.at(9.5 * DAY);
    expect(await job.runBoth()).toBe(1);
    expect(await job.runOnce()).toBe(0);
    job.at(10 * DAY + 60_000);
    expect(await job.runBoth()).toBe(1);
    expect(await job.runBoth()).toBe(0);

    // Sent concurrently: they may arrive in any order.
    const events = await deliver();
    expect(events.map((e) => `${e.type} ${e.data.threshold ?? ""}`).sort()).toEqual([
      "key.expired ",
      "key.expiring 1d",
      "key.expiring 7d",
    ]);
    for (const event of events) {
      expect(event.data).toMatchObject({ key: { id: key.id, name: "Consumer key" } });
      expect(event.data.expiresAt).toBe(key.expiresAt);
    }
    // The key's secret never travels, nor its hash.
    for (const got of receiver.received.filter((r) => r.path === path)) {
      expect(got.body).not.toContain(key.key);
      expect(got.body).not.toMatch(/hash/i);
    }
    // Another tenant's endpoint, subscribed to the same types, heard nothing.
    expect(receiver.received.filter((r) => r.path === `${path}-other`)).toHaveLength(0);
  });

  it("announces only the latest stage: a key made 12 h before its expiry gets no 7-day notice", async () => {
    const { job, deliver } = await setup("whx-late", DAY / 2);
    expect(await job.runBoth()).toBe(1);
    expect((await deliver()).map((e) => e.data.threshold)).toEqual(["1d"]);
  });

  it("fires again after the expiry is extended, and never for a revoked key", async () => {
    const { owner, key, job, deliver, start } = await setup("whx-extend", 10 * DAY);
    job.at(3.5 * DAY);
    expect(await job.runOnce()).toBe(1);
    const later = new Date(start + 20 * DAY).toISOString();
    const patched = await call(patchKey, {
      token: owner.accessToken,
      method: "PATCH",
      params: { id: key.id },
      body: { expiresAt: later },
    });
    expect(patched.status).toBe(200);
    expect(await job.runOnce()).toBe(0);
    job.at(14 * DAY);
    expect(await job.runBoth()).toBe(1);
    const events = await deliver();
    expect(events.map((e) => `${e.data.threshold} ${e.data.expiresAt}`).sort()).toEqual([
      `7d ${key.expiresAt}`,
      `7d ${later}`,
    ]);

    // Two keys half a day from expiry; the revoked one is not announced.
    const soon = new Date(start + 14.5 * DAY).toISOString();
    await createTestKey(owner, { expiresAt: soon });
    const revoked = await createTestKey(owner, { expiresAt: soon });
    const res = await call(revokeKey, {
      token: owner.accessToken,
      method: "DELETE",
      params: { id: revoked.id },
    });
    expect(res.status).toBe(200);
    expect(await job.runOnce()).toBe(1);
  });

  it("works off many expiring keys in bounded passes, each key once", async () => {
    const owner = await createAccount("whx-batch");
    const start = Date.now();
    for (let i = 0; i < 5; i++)
      await createTestKey(owner, { expiresAt: new Date(start + 3 * DAY + i * 1000).toISOString() });
    const job = jobs([owner], start, 2);
    expect(await job.runBoth()).toBe(5);
    expect(await job.runBoth()).toBe(0);
  });
});
