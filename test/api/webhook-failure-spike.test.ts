import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeUsageBatch } from "@/lib/dal/usage-writes";

import { createFailureSpikeJob } from "@/lib/webhooks/event-jobs";
import { createAccount } from "../accounts";
import { createTestKey } from "../verification";
import { startReceiver } from "../webhook-receiver";
import { createTestEndpoint, deliverAndVerify } from "../webhooks";

// Issue 13, slice 5: usage.failure_spike when a key's failed verifications in 5 minutes exceed the
// threshold, at most once an hour per key, computed from the minute totals the usage flush writes.

const MINUTE = 60_000;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

function recordUsage(tenantId: string, keyId: string, minute: number, outcome: string, count: number) {
  return writeUsageBatch({
    id: `spike-${randomUUID()}`,
    counts: [{ tenantId, keyId, minute, outcome, count }],
    lastUsed: [],
    log: [],
  });
}

async function setup(name: string) {
  const owner = await createAccount(name);
  const other = await createAccount(`${name}-other`);
  const path = `/${name}`;
  const types = ["usage.failure_spike"];
  const endpoint = await createTestEndpoint(owner, { url: receiver.url(path), eventTypes: types });
  await createTestEndpoint(other, { url: receiver.url(`${path}-other`), eventTypes: types });
  const key = await createTestKey(owner);
  const otherKey = await createTestKey(other);
  // Whole minutes from here, so that the 5-minute window is exact.
  const start = Math.floor(Date.now() / MINUTE) * MINUTE;
  let now = start;
  const options = {
    clock: { now: () => new Date(now) },
    threshold: 100,
    onlyTenantIds: [owner.tenantId, other.tenantId],
  };
  const [a, b] = [createFailureSpikeJob(options), createFailureSpikeJob(options)];
  return {
    key,
    path,
    /** Counts written by the usage flush's own function, `minutesIn` minutes after the start. */
    record: (minutesIn: number, outcome: string, count: number) =>
      recordUsage(owner.tenantId, key.id, start + minutesIn * MINUTE, outcome, count),
    recordOther: (minutesIn: number, count: number) =>
      recordUsage(other.tenantId, otherKey.id, start + minutesIn * MINUTE, "INVALID_KEY", count),
    at: (minutesIn: number) => {
      now = start + minutesIn * MINUTE + 30_000;
    },
    runBoth: async () => (await Promise.all([a.runOnce(), b.runOnce()])).reduce((x, y) => x + y, 0),
    deliver: () => deliverAndVerify(receiver, [owner.tenantId, other.tenantId], path, endpoint.secret),
  };
}

describe("usage.failure_spike", () => {
  it("fires when failures in 5 minutes exceed the threshold, once, then not again within the hour", async () => {
    const s = await setup("whs-spike");
    await s.record(0, "INSUFFICIENT_SCOPE", 60);
    await s.record(4, "RATE_LIMITED", 40);
    await s.record(4, "VALID", 500);
    s.at(4);
    expect(await s.runBoth()).toBe(0); // 100 failures: not above 100
    await s.record(4, "INVALID_KEY", 1);
    expect(await s.runBoth()).toBe(1);
    expect(await s.runBoth()).toBe(0);
    // Minute 0 leaves the window at minute 5: 41 failures are left.
    s.at(5);
    await s.record(5, "EXPIRED", 60);
    expect(await s.runBoth()).toBe(0);
    await s.record(5, "EXPIRED", 100);
    s.at(50);
    await s.record(50, "EXPIRED", 200);
    expect(await s.runBoth()).toBe(0); // a spike again, but within the hour
    s.at(65);
    await s.record(65, "EXPIRED", 200);
    expect(await s.runBoth()).toBe(1);

    const events = await s.deliver();
    expect(events.map((e) => e.data.failures as number).sort((x, y) => x - y)).toEqual([101, 200]);
    expect(events[0]!.data).toMatchObject({ key: { id: s.key.id }, windowMinutes: 5, threshold: 100 });
    for (const got of receiver.received.filter((r) => r.path === s.path))
      expect(got.body).not.toContain(s.key.key);
  });

  it("keeps to the key's own tenant: another tenant's spike is its own event", async () => {
    const s = await setup("whs-tenant");
    await s.recordOther(0, 500);
    s.at(0);
    expect(await s.runBoth()).toBe(1);
    expect(await s.deliver()).toEqual([]);
    expect(receiver.received.filter((r) => r.path === `${s.path}-other`)).toHaveLength(1);
  });
});
