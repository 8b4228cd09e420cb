import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startReceiver } from "../webhook-receiver";
import { createRemoteTenant, type RemoteTenant } from "./client";
import { type RunningServer, startServer, tempDataDir, uniqueRedisPrefix } from "./harness";
import { waitFor } from "./load";

/**
 * The delivery worker inside real server.ts processes: each event reaches the receiver exactly
 * once with two instances sharing the queue, and an instance killed (SIGKILL) between the commit
 * and the delivery loses nothing: the delivery is sent once its claim's lease (30 s) has ended.
 */
const running: RunningServer[] = [];
const closers: (() => Promise<void>)[] = [];
const env = { WEBHOOK_ALLOW_PRIVATE: "1" };

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop("SIGKILL")));
  await Promise.all(closers.map((close) => close()));
});

async function subscribe(tenant: RemoteTenant, url: string) {
  const res = await tenant.manage("/api/tenants/me/webhooks", {
    method: "POST",
    body: { url, eventTypes: ["key.created"] },
  });
  expect(res.status).toBe(201);
}

/** webhook-id → how many times it arrived. */
function counts(received: { headers: Record<string, unknown> }[]) {
  const byId = new Map<string, number>();
  for (const r of received) {
    const id = String(r.headers["webhook-id"]);
    byId.set(id, (byId.get(id) ?? 0) + 1);
  }
  return byId;
}

const pg = process.env.DATABASE_URL && process.env.REDIS_URL ? describe : describe.skip;

pg("two instances (needs DATABASE_URL and REDIS_URL)", () => {
  it("deliver each event exactly once", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const redisPrefix = uniqueRedisPrefix();
    const [a, b] = await Promise.all([startServer({ redisPrefix, env }), startServer({ redisPrefix, env })]);
    running.push(a, b);
    const tenant = await createRemoteTenant(a.url, "whtwin");
    await subscribe(tenant, receiver.url("/twin"));
    const keys = 30;
    for (let i = 0; i < keys; i++) await tenant.createKey({ name: `twin ${i}` });
    await waitFor("every key.created delivered", () => counts(receiver.received).size === keys, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect([...counts(receiver.received).values()].every((n) => n === 1)).toBe(true);
    expect(receiver.received).toHaveLength(keys);
  }, 180_000);
});

describe("kill -9 between the commit and the delivery", () => {
  it("loses nothing: the restarted instance delivers the event", async () => {
    let hang = true;
    const receiver = await startReceiver(() => (hang ? "hang" : { status: 200 }));
    closers.push(receiver.close);
    const dataDir = tempDataDir();
    closers.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startServer({ dataDir, env });
    running.push(first);
    const tenant = await createRemoteTenant(first.url, "whcrash");
    await subscribe(tenant, receiver.url("/crash"));
    const key = await tenant.createKey({ name: "crash" });
    // The worker has claimed the delivery and is waiting for the receiver: kill it mid-send.
    await waitFor("the send under way", () => receiver.received.length === 1, 30_000);
    const eventId = String(receiver.received[0]!.headers["webhook-id"]);
    await first.stop("SIGKILL");
    hang = false;
    const second = await startServer({ dataDir, env });
    running.push(second);
    await waitFor("the delivery after the lease", () => receiver.received.length >= 2, 90_000);
    const again = receiver.received[1]!;
    expect(again.headers["webhook-id"]).toBe(eventId);
    expect(JSON.parse(again.body)).toMatchObject({ type: "key.created", data: { key: { id: key.id } } });
    const onSecond = {
      ...tenant,
      manage: (path: string) =>
        fetch(`${second.url}${path}`, {
          headers: { authorization: `Bearer ${tenant.accessToken}` },
        }),
    };
    const endpoints = (await (await onSecond.manage("/api/tenants/me/webhooks")).json()) as {
      data: { id: string }[];
    };
    const log = await onSecond.manage(`/api/tenants/me/webhooks/${endpoints.data[0]!.id}/deliveries`);
    const deliveries = ((await log.json()) as { data: { eventId: string; status: string }[] }).data;
    await waitFor("the delivery recorded", async () => {
      const res = await onSecond.manage(`/api/tenants/me/webhooks/${endpoints.data[0]!.id}/deliveries`);
      const page = (await res.json()) as { data: { eventId: string; status: string }[] };
      return page.data.some((d) => d.eventId === eventId && d.status === "succeeded");
    });
    expect(deliveries.filter((d) => d.eventId === eventId)).toHaveLength(1);
  }, 240_000);
});
