import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createRemoteTenant, type RemoteTenant, sumOf, withBaseUrl } from "./client";
import { type RunningServer, startServer, tempDataDir } from "./harness";
import { startLoad, waitFor } from "./load";

/**
 * `kill -9` in the middle of verifications and key creations, then a restart on the same data.
 * Usage is written once a second, so the counts of at most the last interval may be lost; a key
 * and its audit event are written in one transaction, so neither exists without the other.
 */
const dataDir = tempDataDir();
const running: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop("SIGKILL")));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Flush interval (1 s) plus a write under way on a loaded machine. */
const MAY_BE_LOST_MS = 3_000;

async function everyPage(tenant: RemoteTenant, path: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await tenant.manage(
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, unknown>[]; nextCursor: string | null };
    rows.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return rows;
}

describe("kill -9 under load", () => {
  it("loses at most the last flush interval of usage, and never half a key or audit event", async () => {
    const first = await startServer({ dataDir });
    running.push(first);
    const tenant = await createRemoteTenant(first.url, "crash");
    expect(
      (await tenant.manage("/api/tenants/me", { method: "PATCH", body: { rateLimitPerMinute: 1_000_000 } }))
        .status,
    ).toBe(200);
    const key = await tenant.createKey();
    const load = startLoad({ url: first.url, headers: { "x-api-key": key.key }, connections: 4 });
    const created: string[] = [];
    let creating = true;
    const creator = (async () => {
      while (creating) {
        try {
          created.push((await tenant.createKey({ name: `crash ${created.length}` })).id);
        } catch {
          return;
        }
      }
    })();
    await waitFor("traffic and keys", () => load.received >= 300 && created.length >= 5, 60_000);
    first.child.kill("SIGKILL");
    const killedAt = Date.now();
    creating = false;
    const [result] = await Promise.all([load.stop(), creator]);
    expect(await first.exited).toBe("SIGKILL");

    const second = await startServer({ dataDir });
    running.push(second);
    const again = withBaseUrl(tenant, second.url);
    const counted = sumOf(await again.usageTotals(key.id));
    const answeredBefore = result.countedAt.filter((at) => at <= killedAt - MAY_BE_LOST_MS).length;
    expect(counted).toBeLessThanOrEqual(result.countedAt.length);
    expect(counted).toBeGreaterThanOrEqual(answeredBefore);

    const keys = await everyPage(again, "/api/tenants/me/api-keys");
    const keyIds = new Set(keys.map((row) => row.id as string));
    for (const id of created) expect(keyIds.has(id), id).toBe(true);
    for (const row of keys) {
      expect(row.name).toEqual(expect.any(String));
      expect(row.prefix).toMatch(/^ak_live_/);
      expect(row.createdAt).toEqual(expect.any(String));
    }
    const events = await everyPage(again, "/api/tenants/me/audit-log");
    const createdEvents = events.filter((event) => event.action === "api_key.created");
    const targets = createdEvents.map((event) => (event.target as { id: string }).id);
    expect(new Set(targets)).toEqual(keyIds);
    expect(targets).toHaveLength(keyIds.size);
  });
});
